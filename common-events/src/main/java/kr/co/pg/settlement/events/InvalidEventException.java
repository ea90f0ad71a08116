package kr.co.pg.settlement.events;

/** An event that can never be processed (bad JSON, unknown job, bad date): not retried, dead-lettered with this reason. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String reason) {
        super(reason);
    }

    public InvalidEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
