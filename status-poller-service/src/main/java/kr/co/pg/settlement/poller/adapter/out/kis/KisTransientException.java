package kr.co.pg.settlement.poller.adapter.out.kis;

/** KIS gave no final answer this time (503/504, 429, timeout, connection error, checksum mismatch): retried. */
public class KisTransientException extends RuntimeException {

    KisTransientException(String message) {
        super(message, null, false, false);
    }
}
