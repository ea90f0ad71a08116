package kr.co.pg.settlement.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MariaDB with TLS: the driver verifies the server against the test CA; a REQUIRE SSL user cannot connect without. */
class TlsMariaDbTest {

    private static TlsMariaDb db;

    @BeforeAll
    static void start() throws SQLException {
        long started = System.nanoTime();
        db = TlsMariaDb.start();
        System.out.printf("TlsMariaDb started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        try (Connection c = DriverManager.getConnection(url(""), db.username(), db.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE USER 'tls_only'@'%' IDENTIFIED BY 'tls-only-pw' REQUIRE SSL");
        }
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void verifyCaWithThePemCertificateEncryptsTheConnection() throws SQLException {
        assertThat(cipher(url("?sslMode=verify-ca&serverSslCert=" + db.tls().certificate()), "tls_only", "tls-only-pw"))
                .isNotBlank();
    }

    @Test
    void verifyFullWithTheTrustStoreChecksTheHostNameToo() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "tls_only");
        p.setProperty("password", "tls-only-pw");
        p.setProperty("sslMode", "verify-full");
        p.setProperty("trustStore", db.tls().trustStore().toString());
        p.setProperty("trustStorePassword", db.tls().password());
        p.setProperty("trustStoreType", "PKCS12");
        try (Connection c = DriverManager.getConnection(url(""), p)) {
            assertThat(cipher(c)).isNotBlank();
        }
    }

    @Test
    void aRequireSslUserCannotConnectInPlainText() {
        assertThatThrownBy(() -> cipher(url("?sslMode=disable"), "tls_only", "tls-only-pw"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Access denied");
    }

    @Test
    void aCertificateFromAnotherCaIsRefused() {
        TlsFiles other = TlsFiles.generate(db.tls().certificate().getParent().resolve("other"));
        assertThatThrownBy(() -> cipher(url("?sslMode=verify-ca&serverSslCert=" + other.certificate()), "tls_only",
                "tls-only-pw"))
                .isInstanceOf(SQLException.class);
    }

    private static String url(String options) {
        return "jdbc:mariadb://" + db.host() + ":" + db.port() + "/" + options;
    }

    private static String cipher(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return cipher(c);
        }
    }

    private static String cipher(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Ssl_cipher'")) {
            rs.next();
            return rs.getString(2);
        }
    }
}
