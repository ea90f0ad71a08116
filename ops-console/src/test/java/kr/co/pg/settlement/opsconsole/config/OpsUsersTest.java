package kr.co.pg.settlement.opsconsole.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class OpsUsersTest {

    static final String HASH = new BCryptPasswordEncoder(4).encode("secret");

    @Test
    void usersWithRolesAndBcryptHashes() {
        List<OpsUsers.User> users = OpsUsers.parse("alice:operator:{bcrypt}" + HASH + ", bob:VIEWER:" + HASH + "\n");
        assertThat(users).extracting(OpsUsers.User::name, OpsUsers.User::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", OpsUsers.Role.OPERATOR),
                        org.assertj.core.groups.Tuple.tuple("bob", OpsUsers.Role.VIEWER));
        assertThat(users.get(1).passwordHash()).isEqualTo("{bcrypt}" + HASH);
        assertThat(OpsUsers.parse("")).isEmpty();
        assertThat(OpsUsers.parse(null)).isEmpty();
    }

    @Test
    void plainPasswordsUnknownRolesAndDuplicatesAreRefusedWithoutEchoingTheSecret() {
        assertThatThrownBy(() -> OpsUsers.parse("alice:operator:hunter2"))
                .hasMessageContaining("must be a bcrypt hash").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> OpsUsers.parse("alice:operator:{noop}hunter2"))
                .hasMessageContaining("must be a bcrypt hash").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> OpsUsers.parse("alice:admin:" + HASH)).hasMessageContaining("role 'admin'");
        assertThatThrownBy(() -> OpsUsers.parse("alice")).hasMessageContaining("name:role:{bcrypt}hash");
        assertThatThrownBy(() -> OpsUsers.parse("alice:viewer:" + HASH + ",alice:operator:" + HASH))
                .hasMessageContaining("twice");
    }
}
