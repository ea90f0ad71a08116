package kr.co.pg.settlement.kis.client;

import java.nio.file.Path;

/**
 * TLS settings of the KIS connection (used only with an {@code https://} base URL).
 *
 * @param trustStore         key store holding the certificate authorities that may sign KIS's server certificate;
 *                           null: the JVM's default trust store
 * @param trustStoreType     {@code PKCS12} (default) or {@code JKS}
 * @param trustStorePassword password of the trust store, may be null (PKCS12 trust stores may have none)
 * @param keyStore           key store with this PG's client certificate and private key for mutual TLS; null: no
 *                           client certificate
 * @param keyStoreType       {@code PKCS12} (default) or {@code JKS}
 * @param keyStorePassword   password of the key store and of its private key
 */
public record KisTls(Path trustStore, String trustStoreType, String trustStorePassword, Path keyStore,
                     String keyStoreType, String keyStorePassword) {

    public static final KisTls JVM_DEFAULTS = new KisTls(null, null, null, null, null, null);

    public KisTls {
        trustStoreType = trustStoreType == null || trustStoreType.isBlank() ? "PKCS12" : trustStoreType.trim();
        keyStoreType = keyStoreType == null || keyStoreType.isBlank() ? "PKCS12" : keyStoreType.trim();
        if (keyStore != null && (keyStorePassword == null || keyStorePassword.isEmpty())) {
            throw new IllegalArgumentException("kis.tls.key-store " + keyStore + " is set but has no password: set "
                    + "KIS_TLS_KEY_STORE_PASSWORD or kis.tls.key-store-password-file");
        }
    }

    /** Trust KIS through the given store (and no client certificate). */
    public static KisTls trusting(Path trustStore, String trustStoreType, String trustStorePassword) {
        return new KisTls(trustStore, trustStoreType, trustStorePassword, null, null, null);
    }

    /** The same trust, with a client certificate for mutual TLS. */
    public KisTls withClientCertificate(Path keyStore, String keyStoreType, String keyStorePassword) {
        return new KisTls(trustStore, trustStoreType, trustStorePassword, keyStore, keyStoreType, keyStorePassword);
    }

    boolean isDefault() {
        return trustStore == null && keyStore == null;
    }

    @Override
    public String toString() {
        return "KisTls[trustStore=" + (trustStore == null ? "JVM default" : trustStore + " (" + trustStoreType + ")")
                + ", keyStore=" + (keyStore == null ? "none" : keyStore + " (" + keyStoreType + ")") + ", passwords=***]";
    }
}
