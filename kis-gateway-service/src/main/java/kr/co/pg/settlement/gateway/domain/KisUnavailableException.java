package kr.co.pg.settlement.gateway.domain;

/**
 * KIS could not answer finally (503/504, 429, timeouts, connection errors, retries exhausted, circuit open,
 * or 401 while the credentials are wrong). The event must be delivered again later: nothing is committed.
 */
public class KisUnavailableException extends RuntimeException {

    public KisUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
