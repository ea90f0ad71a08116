package kr.co.pg.settlement.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A self-signed RSA certificate for {@code 127.0.0.1} / {@code localhost}, made by the JDK's keytool for a test: a
 * PKCS12 key store (certificate + private key, for a server), a PKCS12 trust store (the certificate only, for
 * clients) and the same certificate and key as PEM files (for MariaDB). Being self-signed, the certificate is its own
 * CA: clients verify the server (and its host name) against it.
 *
 * @param keyStore     PKCS12 with the private key, alias {@value #ALIAS}
 * @param trustStore   PKCS12 with the certificate only
 * @param password     password of both stores (and of the key)
 * @param certificate  the certificate, PEM
 * @param privateKey   the private key, PKCS#8 PEM
 */
public record TlsFiles(Path keyStore, Path trustStore, String password, Path certificate, Path privateKey) {

    private static final String ALIAS = "local-stack";

    /**
     * Starts {@code server} with a new certificate in a new temporary directory (deleted at the next start once this
     * JVM is gone); the directory is deleted at once when the server does not start. The server deletes it on close.
     */
    static <T> T startWithTemporary(String prefix, Function<TlsFiles, T> server) {
        TlsFiles tls = generate(StaleServers.temporaryDirectory(prefix, "TLS test files"));
        try {
            return server.apply(tls);
        } catch (RuntimeException e) {
            tls.deleteQuietly();
            throw e;
        }
    }

    /** Deletes the directory of the files. */
    void deleteQuietly() {
        try {
            MariaDbBinaries.deleteRecursively(keyStore.getParent());
        } catch (IOException e) {
            // a leftover temporary directory holds only a test certificate
        }
    }

    /** Makes a new certificate and its files in {@code dir} (about a second: keytool runs once). */
    public static TlsFiles generate(Path dir) {
        try {
            Files.createDirectories(dir);
            String password = UUID.randomUUID().toString();
            Path keyStore = dir.resolve("server.p12");
            Files.deleteIfExists(keyStore);
            runKeytool(password, List.of("-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048",
                    "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                    "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                    // the password reaches keytool through its environment, never its command line
                    "-storepass:env", "LOCAL_STACK_STORE_PASSWORD", "-keypass:env", "LOCAL_STACK_STORE_PASSWORD"));
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                keys.load(in, password.toCharArray());
            }
            Certificate cert = keys.getCertificate(ALIAS);
            Key key = keys.getKey(ALIAS, password.toCharArray());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(ALIAS, cert);
            Path trustStore = dir.resolve("truststore.p12");
            try (OutputStream out = Files.newOutputStream(trustStore)) {
                trust.store(out, password.toCharArray());
            }
            Path certificate = Files.writeString(dir.resolve("server-cert.pem"), pem("CERTIFICATE", cert.getEncoded()));
            Path privateKey = Files.writeString(dir.resolve("server-key.pem"), pem("PRIVATE KEY", key.getEncoded()));
            return new TlsFiles(keyStore, trustStore, password, certificate, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write TLS test files in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the key store keytool made in " + dir + ": " + e, e);
        }
    }

    private static void runKeytool(String password, List<String> args) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>();
        command.add(Files.isExecutable(keytool) ? keytool.toString() : "keytool");
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LOCAL_STACK_STORE_PASSWORD", password);
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args.get(0) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while keytool made a test certificate", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The password is left out so the value can be logged. */
    @Override
    public String toString() {
        return "TlsFiles[" + keyStore.getParent() + "]";
    }
}
