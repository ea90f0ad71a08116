package kr.co.pg.settlement.collector.adapter.out.persistence;

import kr.co.pg.settlement.collector.application.ProcessedEvents;
import kr.co.pg.settlement.events.InvalidFieldException;
import org.springframework.stereotype.Component;

@Component
record JdbcProcessedEvents(ClockedJdbc db) implements ProcessedEvents {

    /** processed_event.event_id is VARCHAR(100). */
    static final int MAX_EVENT_ID_LENGTH = 100;

    /**
     * @throws InvalidFieldException for an event id that does not fit the table: the insert would fail ("Data too
     *                               long") on every redelivery and block the partition, so the event is dead-lettered
     */
    @Override
    public boolean markProcessed(String consumer, String eventId) {
        if (eventId == null || eventId.isBlank() || eventId.length() > MAX_EVENT_ID_LENGTH) {
            throw new InvalidFieldException(consumer + " event", "eventId", eventId,
                    "an event id is 1.." + MAX_EVENT_ID_LENGTH + " characters");
        }
        return db.jdbc().update("INSERT IGNORE INTO processed_event (consumer, event_id, processed_at) VALUES (?, ?, ?)",
                consumer, eventId, db.now()) == 1;
    }
}
