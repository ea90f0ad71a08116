package kr.co.pg.settlement.collector.adapter.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import kr.co.pg.settlement.outbox.DatabaseTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay's TLS to MariaDB follows spring.datasource.url unless settlement.outbox.db-ssl-* say otherwise. */
class OutboxRelayTlsSettingsTest {

    @TempDir
    Path dir;

    @Test
    void takesSslModeAndServerSslCertFromTheDatasourceUrl() throws Exception {
        Path ca = Files.writeString(dir.resolve("db-ca.pem"), "not read here");
        DatabaseTls tls = properties(null, null).tls("jdbc:mariadb://db:3306/settlement?useBulkStmtsForInserts=true"
                + "&sslMode=verify-ca&serverSslCert=" + ca);
        assertThat(tls.mode()).isEqualTo(DatabaseTls.Mode.VERIFY_CA);
        assertThat(tls.caCertificate()).isEqualTo(ca);
    }

    @Test
    void plainTextWhenTheUrlSaysNothing() {
        assertThat(properties(null, null).tls("jdbc:mariadb://db:3306/settlement")).isEqualTo(DatabaseTls.DISABLED);
    }

    @Test
    void explicitSettingsWin() throws Exception {
        Path ca = Files.writeString(dir.resolve("relay-ca.pem"), "not read here");
        DatabaseTls tls = properties("verify_identity", ca.toString()).tls("jdbc:mariadb://db/settlement?sslMode=trust");
        assertThat(tls.mode()).isEqualTo(DatabaseTls.Mode.VERIFY_IDENTITY);
        assertThat(tls.caCertificate()).isEqualTo(ca);
    }

    @Test
    void anUnknownModeIsRefusedWithTheAcceptedOnes() {
        assertThatThrownBy(() -> properties("on", null).tls("jdbc:mariadb://db/settlement"))
                .hasMessageContaining("disable, required, verify_ca, verify_identity");
    }

    private static OutboxRelayProperties properties(String sslMode, String sslCa) {
        return new OutboxRelayProperties(true, null, null, null, null, null, 5401L, null, null, null, null, null, null,
                sslMode, sslCa);
    }
}
