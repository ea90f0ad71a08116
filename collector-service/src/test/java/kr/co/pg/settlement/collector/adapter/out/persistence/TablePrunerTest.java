package kr.co.pg.settlement.collector.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** processed_event, outbox_event and job_run are pruned by age, in batches, on a real MariaDB. */
class TablePrunerTest {

    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), KST);

    private final MigratedDatabase db = new MigratedDatabase("pruner_it");

    private void processedEvents(int count, LocalDateTime at, String prefix) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {"collector.test", prefix + i, Timestamp.valueOf(at)});
        }
        db.jdbc.batchUpdate("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (?, ?, ?)", rows);
    }

    private void outbox(String eventId, LocalDateTime at) {
        db.jdbc.update("INSERT INTO outbox_event (event_id, event_type, topic, event_key, business_date, payload, created_at)"
                + " VALUES (?, 'T', 't', 'k', '2026-11-01', x'00', ?)", eventId, Timestamp.valueOf(at));
    }

    private void jobRun(String kickoffId, String status, LocalDateTime startedAt) {
        db.jdbc.update("INSERT INTO job_run (kickoff_id, job, business_date, status, started_at) VALUES (?, 'DIFF_SETTLEMENT_REQUEST',"
                + " '2025-01-01', ?, ?)", kickoffId, status, Timestamp.valueOf(startedAt));
    }

    private int count(String table) {
        return db.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    @Test
    void deletesRowsOlderThanTheirRetentionInBatches() {
        LocalDateTime now = LocalDateTime.now(NOW);
        processedEvents(2_345, now.minusDays(16), "old-");
        processedEvents(7, now.minusDays(14), "fresh-");
        outbox("o-old", now.minusDays(20));
        outbox("o-fresh", now.minusHours(1));
        jobRun("j-old-done", "DONE", now.minusDays(401));
        jobRun("j-old-running", "RUNNING", now.minusDays(401));
        jobRun("j-recent", "DONE", now.minusDays(30));

        TablePruner pruner = new TablePruner(db.jdbc, NOW, Duration.ofDays(15), Duration.ofDays(15),
                Duration.ofDays(400), 1_000);
        Map<String, Integer> deleted = pruner.prune();

        assertThat(deleted).containsEntry("processed_event", 2_345).containsEntry("outbox_event", 1)
                .containsEntry("job_run", 1);
        assertThat(db.jdbc.queryForList("SELECT event_id FROM processed_event", String.class))
                .hasSize(7).allMatch(id -> id.startsWith("fresh-"));
        assertThat(db.jdbc.queryForList("SELECT event_id FROM outbox_event", String.class)).containsExactly("o-fresh");
        assertThat(db.jdbc.queryForList("SELECT kickoff_id FROM job_run ORDER BY kickoff_id", String.class))
                .containsExactly("j-old-running", "j-recent");
        assertThat(pruner.prune().values()).allMatch(n -> n == 0);
        assertThat(count("processed_event")).isEqualTo(7);
    }

    @Test
    void refusesARetentionShorterThanTheTopics() {
        assertThatThrownBy(() -> new TablePruner(db.jdbc, NOW, Duration.ofDays(7), Duration.ofDays(15),
                Duration.ofDays(400), 1_000))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("settlement.retention.processed-event");
    }
}
