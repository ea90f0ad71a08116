package kr.co.pg.settlement.scheduler.application;

/** The broker did not acknowledge a kick-off (Kafka down or unreachable). */
public class KickoffNotSentException extends RuntimeException {

    public KickoffNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
