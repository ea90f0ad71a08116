package kr.co.pg.settlement.poller.adapter.out.persistence;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.co.pg.settlement.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes finished receipts (PUBLISHED, FAILED_PUBLISHED; completed_at) and processed events (processed_at) older
 * than their retention, in batches (DELETE ... LIMIT n, repeated). Both at least the topics' retention: a replayed
 * FileSubmitted or kick-off must still find its row (a shorter setting is refused at start-up). PENDING receipts are
 * never deleted, however old: they are work not done.
 */
@Component
class TablePruner {

    private static final Logger log = LoggerFactory.getLogger(TablePruner.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration receiptRetention;
    private final Duration processedEventRetention;
    private final int batchSize;

    TablePruner(JdbcTemplate jdbc, Clock clock,
                @Value("${settlement.retention.pending-receipt:P15D}") Duration receiptRetention,
                @Value("${settlement.retention.processed-event:P15D}") Duration processedEventRetention,
                @Value("${settlement.retention.batch-size:1000}") int batchSize) {
        for (Map.Entry<String, Duration> e : Map.of("pending-receipt", receiptRetention,
                "processed-event", processedEventRetention).entrySet()) {
            if (e.getValue().compareTo(Topics.RETENTION) < 0) {
                throw new IllegalStateException("settlement.retention." + e.getKey() + " = " + e.getValue()
                        + " is shorter than the topics' retention " + Topics.RETENTION + ": a replayed event would"
                        + " be handled again; set at least " + Topics.RETENTION);
            }
        }
        if (batchSize < 1) {
            throw new IllegalStateException("settlement.retention.batch-size must be positive, is " + batchSize);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.receiptRetention = receiptRetention;
        this.processedEventRetention = processedEventRetention;
        this.batchSize = batchSize;
    }

    @Scheduled(initialDelayString = "${settlement.retention.initial-delay:PT5M}",
            fixedDelayString = "${settlement.retention.interval:PT1H}")
    void scheduledPrune() {
        try {
            Map<String, Integer> deleted = prune();
            if (deleted.values().stream().anyMatch(n -> n > 0)) {
                log.info("pruned old rows: {}", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("pruning old rows failed ({}); tried again at the next interval", e.toString());
        }
    }

    /** @return rows deleted per table */
    Map<String, Integer> prune() {
        LocalDateTime now = LocalDateTime.now(clock);
        Map<String, Integer> deleted = new LinkedHashMap<>();
        deleted.put("pending_receipt", deleteInBatches("DELETE FROM pending_receipt WHERE status IN ('PUBLISHED',"
                + " 'FAILED_PUBLISHED') AND completed_at < ? LIMIT ?", now.minus(receiptRetention)));
        deleted.put("processed_event", deleteInBatches("DELETE FROM processed_event WHERE processed_at < ? LIMIT ?",
                now.minus(processedEventRetention)));
        return deleted;
    }

    private int deleteInBatches(String sql, LocalDateTime cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update(sql, Timestamp.valueOf(cutoff), batchSize);
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }
}
