package kr.co.pg.settlement.kis.client;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Where the KIS HMAC key comes from. {@link #current()} is asked on every signing, so a key kept in a file can be
 * rotated without a restart (see {@link #fromFile(Path)}). Implementations never print the key: not in
 * {@code toString()}, not in an exception message, not in a log line.
 */
public interface KisSecret {

    /** The key to sign with now; never null or empty. */
    String current();

    /** A fixed key, e.g. from {@code ${KIS_SECRET}}. */
    static KisSecret of(String secret) {
        return new FixedSecret(secret);
    }

    /**
     * The key held in {@code file} (UTF-8; leading/trailing whitespace such as a final newline ignored). Read now -
     * a missing, unreadable or empty file fails here, at start-up - and read again whenever its modification time
     * or size changes (and at least every 5 s), so writing a new key into the file (best: write a sibling file and
     * rename it over the old one) switches the signing key without a restart. A later unreadable or empty file
     * keeps the last good key and logs a warning.
     */
    static KisSecret fromFile(Path file) {
        return new SecretFile(file, Clock.systemUTC(), Duration.ofSeconds(5));
    }
}
