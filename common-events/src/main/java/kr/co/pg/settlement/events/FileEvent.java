package kr.co.pg.settlement.events;

/**
 * An event about one KIS file (request, submission, failure, results). Keyed by the file id, so that every event of
 * a file lands on one partition and is consumed in the order it was published.
 */
public interface FileEvent extends SettlementEvent {

    String fileId();

    @Override
    default String key() {
        return fileId();
    }
}
