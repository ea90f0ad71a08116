package kr.co.pg.settlement.kis.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.core.env.PropertyResolver;

/**
 * The {@code kis.*} settings a service configures its KIS client with (one place for both the gateway and the
 * poller). Secrets and passwords come from the environment or from files, never from the command line:
 *
 * <pre>
 * kis.base-url                          https URL of KIS (KIS_BASE_URL)
 * kis.allow-plain-http                  true only for a local simulator (KIS_ALLOW_PLAIN_HTTP, default false)
 * kis.client-id                         X-KIS-Client-Id (KIS_CLIENT_ID)
 * kis.secret                            HMAC key (KIS_SECRET), or
 * kis.secret-file                       file holding the HMAC key, re-read on change: rotation without restart
 *                                       (KIS_SECRET_FILE; wins over kis.secret)
 * kis.connect-timeout / response-timeout / write-timeout
 * kis.tls.trust-store, -type, -password  CA certificates trusted for KIS's server certificate (default: the JVM's)
 *   or kis.tls.trust-store-password-file
 * kis.tls.key-store, -type, -password    client certificate and key for mutual TLS (optional)
 *   or kis.tls.key-store-password-file
 * </pre>
 */
public final class KisClientSettings {

    public static final String BASE_URL = "kis.base-url";
    public static final String ALLOW_PLAIN_HTTP = "kis.allow-plain-http";
    public static final String CLIENT_ID = "kis.client-id";
    public static final String SECRET = "kis.secret";
    public static final String SECRET_FILE = "kis.secret-file";
    public static final String CONNECT_TIMEOUT = "kis.connect-timeout";
    public static final String RESPONSE_TIMEOUT = "kis.response-timeout";
    public static final String WRITE_TIMEOUT = "kis.write-timeout";
    public static final String TRUST_STORE = "kis.tls.trust-store";
    public static final String TRUST_STORE_TYPE = "kis.tls.trust-store-type";
    public static final String TRUST_STORE_PASSWORD = "kis.tls.trust-store-password";
    public static final String TRUST_STORE_PASSWORD_FILE = "kis.tls.trust-store-password-file";
    public static final String KEY_STORE = "kis.tls.key-store";
    public static final String KEY_STORE_TYPE = "kis.tls.key-store-type";
    public static final String KEY_STORE_PASSWORD = "kis.tls.key-store-password";
    public static final String KEY_STORE_PASSWORD_FILE = "kis.tls.key-store-password-file";

    private static final int MAX_IN_MEMORY_BYTES = 1024 * 1024;
    /** Spring Boot's simple duration form: a number and an optional unit (milliseconds when absent). */
    private static final java.util.regex.Pattern SIMPLE_DURATION =
            java.util.regex.Pattern.compile("([-+]?\\d+)(ns|us|ms|s|m|h|d)?", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Reads and checks every setting; a problem fails the start-up with the setting's name and what to do. */
    public static KisClientConfig from(PropertyResolver env) {
        String baseUrl = text(env, BASE_URL);
        if (baseUrl == null) {
            throw new IllegalArgumentException(BASE_URL + " is not configured (KIS_BASE_URL)");
        }
        return new KisClientConfig(baseUrl, text(env, CLIENT_ID), secret(env),
                duration(env, CONNECT_TIMEOUT, Duration.ofSeconds(5)),
                duration(env, RESPONSE_TIMEOUT, Duration.ofSeconds(30)),
                duration(env, WRITE_TIMEOUT, Duration.ofSeconds(30)),
                MAX_IN_MEMORY_BYTES, tls(env), bool(env, ALLOW_PLAIN_HTTP));
    }

    private static KisSecret secret(PropertyResolver env) {
        String file = text(env, SECRET_FILE);
        if (file != null) {
            return KisSecret.fromFile(Path.of(file));
        }
        String secret = env.getProperty(SECRET);
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the KIS HMAC key is not configured: set KIS_SECRET (" + SECRET
                    + ") or KIS_SECRET_FILE (" + SECRET_FILE + ", re-read on change)");
        }
        return KisSecret.of(secret);
    }

    private static KisTls tls(PropertyResolver env) {
        String trustStore = text(env, TRUST_STORE);
        String keyStore = text(env, KEY_STORE);
        return new KisTls(
                trustStore == null ? null : Path.of(trustStore), text(env, TRUST_STORE_TYPE),
                password(env, TRUST_STORE_PASSWORD, TRUST_STORE_PASSWORD_FILE),
                keyStore == null ? null : Path.of(keyStore), text(env, KEY_STORE_TYPE),
                password(env, KEY_STORE_PASSWORD, KEY_STORE_PASSWORD_FILE));
    }

    private static String password(PropertyResolver env, String key, String fileKey) {
        String file = text(env, fileKey);
        if (file == null) {
            String value = env.getProperty(key);
            return value == null || value.isEmpty() ? null : value;
        }
        try {
            String value = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException(fileKey + " " + file + " is empty");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException(fileKey + " " + file + " cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private static String text(PropertyResolver env, String key) {
        String value = env.getProperty(key);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static boolean bool(PropertyResolver env, String key) {
        String value = text(env, key);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new IllegalArgumentException(key + " must be true or false, got '" + value + "'");
    }

    private static Duration duration(PropertyResolver env, String key, Duration fallback) {
        String value = text(env, key);
        if (value == null) {
            return fallback;
        }
        java.util.regex.Matcher m = SIMPLE_DURATION.matcher(value);
        try {
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                return switch (m.group(2) == null ? "ms" : m.group(2).toLowerCase(java.util.Locale.ROOT)) {
                    case "ns" -> Duration.ofNanos(amount);
                    case "us" -> Duration.ofNanos(amount * 1000);
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            return Duration.parse(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " must be a duration such as 5s, 500ms or PT5S, got '" + value + "'");
        }
    }

    private KisClientSettings() {
    }
}
