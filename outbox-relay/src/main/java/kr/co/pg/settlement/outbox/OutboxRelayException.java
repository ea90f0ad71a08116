package kr.co.pg.settlement.outbox;

/** The relay cannot start, or cannot relay a row; the message says which row or setting and what to check. */
public class OutboxRelayException extends RuntimeException {

    public OutboxRelayException(String message) {
        super(message);
    }

    public OutboxRelayException(String message, Throwable cause) {
        super(message, cause);
    }
}
