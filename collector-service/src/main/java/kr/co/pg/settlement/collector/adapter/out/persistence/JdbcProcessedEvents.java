package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.time.Clock;
import kr.co.pg.settlement.collector.application.ProcessedEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcProcessedEvents implements ProcessedEvents {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcProcessedEvents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean markProcessed(String consumer, String eventId) {
        return jdbc.update("INSERT IGNORE INTO processed_event (consumer, event_id, processed_at) VALUES (?, ?, ?)",
                consumer, eventId, Times.now(clock)) == 1;
    }
}
