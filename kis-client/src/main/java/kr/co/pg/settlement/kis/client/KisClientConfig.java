package kr.co.pg.settlement.kis.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the client needs, every timeout explicit.
 *
 * @param baseUrl          KIS base URL, e.g. {@code http://localhost:8090} (a path prefix is allowed and is signed)
 * @param clientId         the PG's company code assigned by KIS (X-KIS-Client-Id)
 * @param secret           the HMAC secret (from configuration / ${KIS_SECRET}, never from code)
 * @param connectTimeout   TCP connect timeout
 * @param responseTimeout  longest silence allowed while waiting for / reading a response (also between body chunks)
 * @param writeTimeout     longest silence allowed while writing a request body
 * @param maxInMemoryBytes limit for JSON answers held in memory (result files are streamed to disk, not limited)
 */
public record KisClientConfig(String baseUrl, String clientId, String secret, Duration connectTimeout,
                              Duration responseTimeout, Duration writeTimeout, int maxInMemoryBytes) {

    public KisClientConfig {
        Objects.requireNonNull(baseUrl, "kis base-url is not configured");
        URI uri = URI.create(baseUrl);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("kis base-url must be an absolute http(s) URL, got '" + baseUrl + "'");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("kis client-id is not configured");
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("kis secret is not configured (set KIS_SECRET)");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(responseTimeout, "responseTimeout");
        requirePositive(writeTimeout, "writeTimeout");
        if (maxInMemoryBytes <= 0) {
            throw new IllegalArgumentException("maxInMemoryBytes must be positive, got " + maxInMemoryBytes);
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Sensible timeouts for loopback and production use; the caller still names base URL, client and secret. */
    public static KisClientConfig withDefaults(String baseUrl, String clientId, String secret) {
        return new KisClientConfig(baseUrl, clientId, secret, Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(30), 1024 * 1024);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }

    @Override
    public String toString() {
        return "KisClientConfig[baseUrl=" + baseUrl + ", clientId=" + clientId + ", secret=***, connectTimeout="
                + connectTimeout + ", responseTimeout=" + responseTimeout + ", writeTimeout=" + writeTimeout
                + ", maxInMemoryBytes=" + maxInMemoryBytes + "]";
    }
}
