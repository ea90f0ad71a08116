package kr.co.pg.settlement.ops;

/** An operation that cannot be done; the message says what and what to do (printed as one line, exit 1). */
public class OpsException extends RuntimeException {

    public OpsException(String message) {
        super(message);
    }

    public OpsException(String message, Throwable cause) {
        super(message, cause);
    }
}
