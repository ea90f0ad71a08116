package kr.co.pg.settlement.kis.client;

import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import reactor.netty.http.Http11SslContextSpec;

/**
 * Builds the TLS context of the KIS connection from {@link KisTls}: every problem with a store is reported at
 * start-up, naming the setting, the file and the reason (never a password).
 */
final class KisTransport {

    static Http11SslContextSpec sslContext(KisTls tls) {
        TrustManagerFactory trust = tls.trustStore() == null ? null : trustManagers(tls);
        KeyManagerFactory keys = tls.keyStore() == null ? null : keyManagers(tls);
        return Http11SslContextSpec.forClient().configure(builder -> configure(builder, trust, keys));
    }

    private static void configure(SslContextBuilder builder, TrustManagerFactory trust, KeyManagerFactory keys) {
        builder.protocols("TLSv1.3", "TLSv1.2");
        if (trust != null) {
            builder.trustManager(trust);
        }
        if (keys != null) {
            builder.keyManager(keys);
        }
    }

    private static TrustManagerFactory trustManagers(KisTls tls) {
        KeyStore store = load("kis.tls.trust-store", tls.trustStore(), tls.trustStoreType(), tls.trustStorePassword());
        try {
            if (!store.aliases().hasMoreElements()) {
                throw new IllegalArgumentException("kis.tls.trust-store " + tls.trustStore()
                        + " holds no certificate: import the certificate authority of KIS's server certificate");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("kis.tls.trust-store " + tls.trustStore() + " cannot be used: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static KeyManagerFactory keyManagers(KisTls tls) {
        KeyStore store = load("kis.tls.key-store", tls.keyStore(), tls.keyStoreType(), tls.keyStorePassword());
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, tls.keyStorePassword().toCharArray());
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("kis.tls.key-store " + tls.keyStore() + " cannot be used (is the private"
                    + " key protected by the store password?): " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(String setting, Path path, String type, String password) {
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException(setting + " " + path + " does not exist or is not readable by this service");
        }
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password == null ? null : password.toCharArray());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            // KeyStore messages say "password was incorrect" or name the format; they never contain the password
            throw new IllegalArgumentException(setting + " " + path + " cannot be loaded as " + type
                    + " (wrong type or password?): " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private KisTransport() {
    }
}
