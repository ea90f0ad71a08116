package kr.co.pg.settlement.collector.application;

/**
 * A request run (or a resend) must not decide yet: events it depends on are still being consumed - after a database
 * restore, the files the collector decided before and the registration results of the day. Retried with backoff, not
 * recorded as processed.
 */
class DecisionsNotCaughtUpException extends RuntimeException {

    DecisionsNotCaughtUpException(String message) {
        super(message);
    }
}
