package kr.co.pg.settlement.poller.adapter.out.persistence;

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
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.poller.domain.PendingReceipt;
import org.junit.jupiter.api.Test;

/** Finished receipts and processed events are pruned by age in batches; PENDING receipts never. Real MariaDB. */
class TablePrunerTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneId.of("Asia/Seoul"));

    @Test
    void deletesFinishedReceiptsAndProcessedEventsOlderThanTheirRetention() {
        PollerDatabase db = new PollerDatabase("poller_pruner_it");
        LocalDateTime now = LocalDateTime.now(NOW);
        List<PendingReceipt> receipts = db.addReceipts(6, FileType.S1, now.minusDays(40));
        db.setCompleted(receipts.get(0).receiptNo(), "PUBLISHED", now.minusDays(16));
        db.setCompleted(receipts.get(1).receiptNo(), "FAILED_PUBLISHED", now.minusDays(20));
        db.setCompleted(receipts.get(2).receiptNo(), "PUBLISHED", now.minusDays(3));
        // receipts 3..5 stay PENDING (submitted 40 days ago): never pruned
        List<Object[]> events = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            events.add(new Object[] {"poller-kickoff", "old-" + i, Timestamp.valueOf(now.minusDays(15).minusMinutes(1))});
        }
        events.add(new Object[] {"poller-kickoff", "fresh", Timestamp.valueOf(now.minusDays(1))});
        db.jdbc.batchUpdate("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (?, ?, ?)", events);

        TablePruner pruner = new TablePruner(db.jdbc, NOW, Duration.ofDays(15), Duration.ofDays(15), 1_000);
        assertThat(pruner.prune()).containsEntry("pending_receipt", 2).containsEntry("processed_event", 2_500);

        assertThat(db.jdbc.queryForList("SELECT receipt_no FROM pending_receipt ORDER BY receipt_no", String.class))
                .containsExactly(receipts.get(2).receiptNo(), receipts.get(3).receiptNo(), receipts.get(4).receiptNo(),
                        receipts.get(5).receiptNo());
        assertThat(db.jdbc.queryForList("SELECT event_id FROM processed_event", String.class)).containsExactly("fresh");
        assertThat(pruner.prune().values()).allMatch(n -> n == 0);
    }

    @Test
    void refusesARetentionShorterThanTheTopics() {
        PollerDatabase db = new PollerDatabase("poller_pruner_cfg");
        assertThatThrownBy(() -> new TablePruner(db.jdbc, NOW, Duration.ofDays(2), Duration.ofDays(15), 100))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("settlement.retention.pending-receipt");
    }
}
