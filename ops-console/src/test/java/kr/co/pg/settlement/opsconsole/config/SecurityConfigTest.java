package kr.co.pg.settlement.opsconsole.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UserDetailsService;

/** No default user and no default password: without OPS_USERS (and outside the demo profile) nothing starts. */
class SecurityConfigTest {

    @Test
    void withoutUsersTheConsoleRefusesToStart() {
        assertThatThrownBy(() -> new SecurityConfig().users("", false))
                .hasMessageContaining("no console users: set OPS_USERS");
    }

    @Test
    void operatorsAlsoView() {
        UserDetailsService users = new SecurityConfig().users("alice:operator:" + OpsUsersTest.HASH
                + ",bob:viewer:" + OpsUsersTest.HASH, false);
        assertThat(users.loadUserByUsername("alice").getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_OPERATOR", "ROLE_VIEWER");
        assertThat(users.loadUserByUsername("bob").getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_VIEWER");
    }
}
