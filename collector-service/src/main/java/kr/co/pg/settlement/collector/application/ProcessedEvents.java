package kr.co.pg.settlement.collector.application;

/** Port: the processed_event log (consumer, event id), written in the transaction of the event's effect. */
public interface ProcessedEvents {

    /** @return false when the event was already processed by this consumer (then do nothing). */
    boolean markProcessed(String consumer, String eventId);
}
