package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.time.Clock;
import kr.co.pg.settlement.collector.application.Outbox;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.events.SettlementEvent;
import kr.co.pg.settlement.kit.tracing.Traceparents;
import kr.co.pg.settlement.outbox.OutboxPayloads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcOutbox implements Outbox {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Traceparents traceparents;

    JdbcOutbox(JdbcTemplate jdbc, Clock clock, Traceparents traceparents) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.traceparents = traceparents;
    }

    @Override
    public void append(String topic, SettlementEvent event) {
        // a whole file is stored compressed (OutboxPayloads): the relay publishes it plain.
        // traceparent: the relay sends it as the record's header, so the event stays in the kick-off's trace
        jdbc.update("INSERT INTO outbox_event (event_id, event_type, topic, event_key, business_date, payload, created_at,"
                        + " traceparent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                event.eventId(), event.getClass().getSimpleName(), topic, event.key(), event.businessDate(),
                OutboxPayloads.stored(EventJson.write(event)), Times.now(clock), traceparents.current());
    }
}
