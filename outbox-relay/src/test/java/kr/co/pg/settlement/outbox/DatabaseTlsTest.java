package kr.co.pg.settlement.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Properties;
import kr.co.pg.settlement.localstack.TlsFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTlsTest {

    @TempDir
    Path dir;

    @Test
    void parsesTheDocumentedModesAndTheDriversNames() {
        assertThat(DatabaseTls.Mode.parse("disable")).isEqualTo(DatabaseTls.Mode.DISABLE);
        assertThat(DatabaseTls.Mode.parse("")).isEqualTo(DatabaseTls.Mode.DISABLE);
        assertThat(DatabaseTls.Mode.parse("required")).isEqualTo(DatabaseTls.Mode.REQUIRED);
        assertThat(DatabaseTls.Mode.parse("trust")).isEqualTo(DatabaseTls.Mode.REQUIRED);
        assertThat(DatabaseTls.Mode.parse("VERIFY_CA")).isEqualTo(DatabaseTls.Mode.VERIFY_CA);
        assertThat(DatabaseTls.Mode.parse("verify-ca")).isEqualTo(DatabaseTls.Mode.VERIFY_CA);
        assertThat(DatabaseTls.Mode.parse("verify_identity")).isEqualTo(DatabaseTls.Mode.VERIFY_IDENTITY);
        assertThat(DatabaseTls.Mode.parse("verify-full")).isEqualTo(DatabaseTls.Mode.VERIFY_IDENTITY);
        assertThatThrownBy(() -> DatabaseTls.Mode.parse("preferred")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("disable, required, verify_ca, verify_identity");
    }

    @Test
    void disabledAddsNothingToTheUrlAndTellsTheConnector() {
        Properties p = new Properties();
        DatabaseTls.DISABLED.putInto(p);
        assertThat(DatabaseTls.DISABLED.jdbcUrlOptions()).isEmpty();
        assertThat(p).containsEntry("database.ssl.mode", "disable").hasSize(1);
    }

    @Test
    void verifyCaGivesTheDriverThePemAndTheBinlogClientATrustStoreOfIt() throws Exception {
        TlsFiles tls = TlsFiles.generate(dir);
        DatabaseTls dbTls = new DatabaseTls(DatabaseTls.Mode.VERIFY_CA, tls.certificate());
        assertThat(dbTls.jdbcUrlOptions()).isEqualTo("?sslMode=verify-ca&serverSslCert=" + tls.certificate());
        Properties p = new Properties();
        dbTls.putInto(p);
        assertThat(p).containsEntry("database.ssl.mode", "verify-ca")
                .containsEntry("driver.serverSslCert", tls.certificate().toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(p.getProperty("database.ssl.truststore"))) {
            store.load(in, p.getProperty("database.ssl.truststore.password").toCharArray());
        }
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.getCertificate(store.aliases().nextElement()).getEncoded())
                .isEqualTo(KeyStoreCertificate.of(tls));
    }

    @Test
    void refusesAMissingCaFileAndAPathThatWouldBreakTheUrl() {
        assertThatThrownBy(() -> new DatabaseTls(DatabaseTls.Mode.VERIFY_CA, dir.resolve("missing.pem")))
                .hasMessageContaining("missing.pem is not a readable file");
        TlsFiles tls = TlsFiles.generate(dir.resolve("a&b"));
        assertThatThrownBy(() -> new DatabaseTls(DatabaseTls.Mode.VERIFY_CA, tls.certificate()))
                .hasMessageContaining("must not contain '&'");
    }

    private static final class KeyStoreCertificate {
        static byte[] of(TlsFiles tls) throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (FileInputStream in = new FileInputStream(tls.trustStore().toFile())) {
                store.load(in, tls.password().toCharArray());
            }
            return store.getCertificate(store.aliases().nextElement()).getEncoded();
        }
    }
}
