package kr.co.pg.settlement.kit.kis;

import java.time.Duration;

/**
 * KIS gave no final answer this time (503/504, 429, timeout, connection error, checksum mismatch): retried by
 * resilience4j (list it under {@code retry-exceptions} and the circuit breaker's {@code record-exceptions}).
 */
public class KisTransientException extends RuntimeException {

    private final Duration retryAfter;

    public KisTransientException(String message) {
        this(message, null);
    }

    public KisTransientException(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** The wait KIS asked for (429 Retry-After), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
