package kr.co.pg.settlement.kis.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything the client needs, every timeout explicit.
 *
 * @param baseUrl          KIS base URL, e.g. {@code https://kis.example:8443} (a path prefix is allowed and is signed)
 * @param clientId         the PG's company code assigned by KIS (X-KIS-Client-Id)
 * @param secret           the HMAC key (from ${KIS_SECRET} or a key file re-read on change, never from code)
 * @param connectTimeout   TCP connect timeout (also the TLS handshake timeout)
 * @param responseTimeout  longest silence allowed while waiting for / reading a response (also between body chunks)
 * @param writeTimeout     longest silence allowed while writing a request body
 * @param maxInMemoryBytes limit for JSON answers held in memory (result files are streamed to disk, not limited)
 * @param tls              trust store and optional client certificate for an {@code https} base URL
 * @param allowPlainHttp   whether an {@code http://} base URL is accepted (local runs, demos and tests only): the
 *                         signature protects integrity, but over plain HTTP files and answers travel readable
 */
public record KisClientConfig(String baseUrl, String clientId, KisSecret secret, Duration connectTimeout,
                              Duration responseTimeout, Duration writeTimeout, int maxInMemoryBytes, KisTls tls,
                              boolean allowPlainHttp) {

    public KisClientConfig {
        Objects.requireNonNull(baseUrl, "kis base-url is not configured");
        URI uri = URI.create(baseUrl);
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("kis base-url must be an absolute https URL, got '" + baseUrl + "'");
        }
        tls = tls == null ? KisTls.JVM_DEFAULTS : tls;
        if (scheme.equals("http")) {
            if (!allowPlainHttp) {
                throw new IllegalArgumentException("kis base-url '" + baseUrl + "' is plain HTTP: request files and"
                        + " results would travel unencrypted. Use an https URL (with kis.tls.trust-store if KIS's"
                        + " certificate is not signed by a CA the JVM trusts), or, for a local simulator only, set"
                        + " kis.allow-plain-http=true (KIS_ALLOW_PLAIN_HTTP=true)");
            }
            if (!tls.isDefault()) {
                throw new IllegalArgumentException("kis.tls trust/key stores are set but kis base-url '" + baseUrl
                        + "' is plain HTTP: use the https URL of KIS");
            }
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("kis client-id is not configured");
        }
        Objects.requireNonNull(secret, "kis secret is not configured (set KIS_SECRET or KIS_SECRET_FILE)");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(responseTimeout, "responseTimeout");
        requirePositive(writeTimeout, "writeTimeout");
        if (maxInMemoryBytes <= 0) {
            throw new IllegalArgumentException("maxInMemoryBytes must be positive, got " + maxInMemoryBytes);
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * A fixed key and the JVM's default trust; plain HTTP is accepted only towards a loopback address (a simulator
     * on this machine, as in tests and tools). Services are configured through {@link KisClientSettings}, where
     * plain HTTP always needs {@code kis.allow-plain-http=true}.
     */
    public KisClientConfig(String baseUrl, String clientId, String secret, Duration connectTimeout,
                           Duration responseTimeout, Duration writeTimeout, int maxInMemoryBytes) {
        this(baseUrl, clientId, KisSecret.of(secret), connectTimeout, responseTimeout, writeTimeout, maxInMemoryBytes,
                KisTls.JVM_DEFAULTS, isLoopback(baseUrl));
    }

    /** Sensible timeouts for loopback and production use; as the constructor above for plain HTTP. */
    public static KisClientConfig withDefaults(String baseUrl, String clientId, String secret) {
        return new KisClientConfig(baseUrl, clientId, secret, Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(30), 1024 * 1024);
    }

    public boolean isHttps() {
        return baseUrl.regionMatches(true, 0, "https:", 0, 6);
    }

    static boolean isLoopback(String baseUrl) {
        try {
            String host = baseUrl == null ? null : URI.create(baseUrl).getHost();
            if (host == null) {
                return false;
            }
            if (host.equalsIgnoreCase("localhost")) {
                return true;
            }
            // only literal addresses: no name lookup here
            boolean literal = host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
            return literal && InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (IllegalArgumentException | UnknownHostException e) {
            return false;
        }
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }

    @Override
    public String toString() {
        return "KisClientConfig[baseUrl=" + baseUrl + ", clientId=" + clientId + ", secret=" + secret
                + ", connectTimeout=" + connectTimeout + ", responseTimeout=" + responseTimeout + ", writeTimeout="
                + writeTimeout + ", maxInMemoryBytes=" + maxInMemoryBytes + ", tls=" + tls + ", allowPlainHttp="
                + allowPlainHttp + "]";
    }
}
