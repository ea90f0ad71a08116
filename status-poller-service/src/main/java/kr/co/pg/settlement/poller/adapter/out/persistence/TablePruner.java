package kr.co.pg.settlement.poller.adapter.out.persistence;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import kr.co.pg.settlement.kit.retention.RetentionPruner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deletes finished receipts (PUBLISHED, FAILED_PUBLISHED; completed_at) and processed events (processed_at) older
 * than their retention, with the kit's {@link RetentionPruner}: a replayed FileSubmitted or kick-off must still find
 * its row. PENDING receipts are never deleted, however old: they are work not done.
 */
@Component
class TablePruner extends RetentionPruner {

    TablePruner(JdbcTemplate jdbc, Clock clock,
                @Value("${settlement.retention.pending-receipt:P15D}") Duration receiptRetention,
                @Value("${settlement.retention.processed-event:P15D}") Duration processedEventRetention,
                @Value("${settlement.retention.batch-size:1000}") int batchSize) {
        super(jdbc, clock, batchSize, List.of(
                new Table("pending_receipt", "pending-receipt", receiptRetention, "DELETE FROM pending_receipt"
                        + " WHERE status IN ('PUBLISHED', 'FAILED_PUBLISHED') AND completed_at < ? LIMIT ?"),
                Table.processedEvents(processedEventRetention)));
    }
}
