package kr.co.pg.settlement.poller.domain;

/** KIS gave no usable answer this time (unavailable, rate limited, 401, unknown receipt): poll again later. */
public class KisUnavailableException extends RuntimeException {

    public KisUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
