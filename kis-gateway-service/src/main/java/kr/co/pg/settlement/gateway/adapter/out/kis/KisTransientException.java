package kr.co.pg.settlement.gateway.adapter.out.kis;

import java.time.Duration;

/** KIS gave no final answer this time (503/504, 429, timeout, connection error): retried by resilience4j. */
public class KisTransientException extends RuntimeException {

    private final Duration retryAfter;

    KisTransientException(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** The wait KIS asked for (429 Retry-After), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
