package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.time.Clock;
import kr.co.pg.settlement.collector.application.Outbox;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.events.SettlementEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcOutbox implements Outbox {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcOutbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void append(String topic, SettlementEvent event) {
        jdbc.update("INSERT INTO outbox_event (event_id, event_type, topic, event_key, business_date, payload, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                event.eventId(), event.getClass().getSimpleName(), topic, event.key(), event.businessDate(),
                EventJson.write(event), Times.now(clock));
    }
}
