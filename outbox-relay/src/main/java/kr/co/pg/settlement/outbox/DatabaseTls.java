package kr.co.pg.settlement.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;

/**
 * TLS of the relay's connections to MariaDB: its JDBC connections (state, lock, checks) and the connector's (binlog
 * stream and its own JDBC connection) use the same mode and CA.
 *
 * @param mode          {@link Mode}
 * @param caCertificate PEM file of the CA certificate(s) the server's certificate must chain to (what the server's
 *                      {@code --ssl-ca} names); null: the JVM's default trust store
 */
public record DatabaseTls(Mode mode, Path caCertificate) {

    /** Plain text connections (a database on the same host or a trusted network only). */
    public static final DatabaseTls DISABLED = new DatabaseTls(Mode.DISABLE, null);

    public enum Mode {
        /** no TLS */
        DISABLE("disable"),
        /** encrypted, the server's certificate not checked (protects against eavesdropping only) */
        REQUIRED("trust"),
        /** encrypted, the certificate must chain to the CA; the host name is not checked */
        VERIFY_CA("verify-ca"),
        /** encrypted, the certificate must chain to the CA and name the host connected to */
        VERIFY_IDENTITY("verify-full");

        /** The value of the MariaDB driver's {@code sslMode} and Debezium's {@code database.ssl.mode}. */
        private final String driverValue;

        Mode(String driverValue) {
            this.driverValue = driverValue;
        }

        /** Accepts disable, required, verify_ca, verify_identity (also with '-') and the driver's trust, verify-full. */
        public static Mode parse(String value) {
            String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            return switch (v) {
                case "", "disable", "disabled" -> DISABLE;
                case "required", "require", "trust" -> REQUIRED;
                case "verify-ca" -> VERIFY_CA;
                case "verify-identity", "verify-full" -> VERIFY_IDENTITY;
                default -> throw new IllegalArgumentException("database TLS mode '" + value + "' is not one of"
                        + " disable, required, verify_ca, verify_identity");
            };
        }
    }

    public DatabaseTls {
        Objects.requireNonNull(mode, "mode must not be null (DISABLE for plain text)");
        if (caCertificate != null && !Files.isReadable(caCertificate)) {
            throw new IllegalArgumentException("database CA certificate " + caCertificate + " is not a readable file");
        }
        if (caCertificate != null && caCertificate.toString().matches(".*[&?=;].*")) {
            throw new IllegalArgumentException("database CA certificate path " + caCertificate
                    + " must not contain '&', '?', '=' or ';' (it becomes a JDBC URL option)");
        }
    }

    public boolean enabled() {
        return mode != Mode.DISABLE;
    }

    /** Options to append to a {@code jdbc:mariadb://host:port/database} URL (no secrets: the CA is a public file). */
    String jdbcUrlOptions() {
        if (!enabled()) {
            return "";
        }
        String options = "?sslMode=" + mode.driverValue;
        if (caCertificate != null) {
            // the driver does not decode URL options: the path goes as it is (checked in the constructor)
            options += "&serverSslCert=" + caCertificate.toAbsolutePath();
        }
        return options;
    }

    /**
     * The connector's settings: {@code database.ssl.mode} for the binlog stream and its JDBC connection; the CA to
     * both (the binlog client reads only key stores: a PKCS12 copy of the PEM is written for it).
     */
    void putInto(Properties debezium) {
        debezium.setProperty("database.ssl.mode", mode.driverValue);
        if (!enabled() || caCertificate == null) {
            return;
        }
        debezium.setProperty("driver.serverSslCert", caCertificate.toAbsolutePath().toString());
        String password = UUID.randomUUID().toString();
        debezium.setProperty("database.ssl.truststore", trustStoreCopy(password).toString());
        debezium.setProperty("database.ssl.truststore.password", password);
    }

    private Path trustStoreCopy(String password) {
        try {
            Collection<? extends Certificate> certificates;
            try (InputStream in = Files.newInputStream(caCertificate)) {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("database CA certificate file " + caCertificate
                        + " holds no PEM certificate");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            Path file = Files.createTempFile("outbox-relay-db-ca-", ".p12",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read database CA certificate " + caCertificate, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("database CA certificate file " + caCertificate
                    + " is not a PEM X.509 certificate: " + e.getMessage(), e);
        }
    }
}
