package kr.co.pg.settlement.collector.application;

/**
 * An event about a file this collector has not created (yet) while a request run of its business date is still
 * running: after a database restore the day's events are replayed while the run re-creates its files, so the event is
 * retried (not recorded as processed) until the file exists.
 */
public class FileNotCreatedYetException extends RuntimeException {

    FileNotCreatedYetException(String message) {
        super(message);
    }
}
