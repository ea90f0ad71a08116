package kr.co.pg.settlement.collector.adapter.out.persistence;

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
 * Deletes bookkeeping rows older than their retention, in batches (DELETE ... LIMIT n, repeated), so the tables do
 * not grow forever and no delete holds many locks:
 * <ul>
 * <li>processed_event (processed_at): at least the topics' retention, since an event can be redelivered (or
 * replayed) only while its topic keeps it; a shorter setting is refused at start-up.</li>
 * <li>outbox_event (created_at): rows the cleaner could not prove relayed (the last burst before a quiet period);
 * a row this old was relayed long ago or the relay has been down for weeks (then it is logged).</li>
 * <li>job_run (started_at): kept much longer by default (400 days), since the day report reads a run's window.</li>
 * </ul>
 */
@Component
class TablePruner {

    private static final Logger log = LoggerFactory.getLogger(TablePruner.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration processedEventRetention;
    private final Duration outboxRetention;
    private final Duration jobRunRetention;
    private final int batchSize;

    TablePruner(JdbcTemplate jdbc, Clock clock,
                @Value("${settlement.retention.processed-event:P15D}") Duration processedEventRetention,
                @Value("${settlement.retention.outbox-event:P15D}") Duration outboxRetention,
                @Value("${settlement.retention.job-run:P400D}") Duration jobRunRetention,
                @Value("${settlement.retention.batch-size:1000}") int batchSize) {
        for (Map.Entry<String, Duration> e : Map.of("processed-event", processedEventRetention,
                "outbox-event", outboxRetention, "job-run", jobRunRetention).entrySet()) {
            if (e.getValue().compareTo(Topics.RETENTION) < 0) {
                throw new IllegalStateException("settlement.retention." + e.getKey() + " = " + e.getValue()
                        + " is shorter than the topics' retention " + Topics.RETENTION + ": a redelivered or replayed"
                        + " event could be applied twice; set at least " + Topics.RETENTION);
            }
        }
        if (batchSize < 1) {
            throw new IllegalStateException("settlement.retention.batch-size must be positive, is " + batchSize);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.processedEventRetention = processedEventRetention;
        this.outboxRetention = outboxRetention;
        this.jobRunRetention = jobRunRetention;
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
        deleted.put("processed_event", deleteInBatches(
                "DELETE FROM processed_event WHERE processed_at < ? LIMIT ?", now.minus(processedEventRetention)));
        int outbox = deleteInBatches("DELETE FROM outbox_event WHERE created_at < ? ORDER BY id LIMIT ?",
                now.minus(outboxRetention));
        if (outbox > 0) {
            log.warn("deleted {} outbox rows older than {}: they were relayed (the last rows before a quiet time) or"
                    + " the relay has not run for that long - check settlement.*.file-requested topics", outbox,
                    outboxRetention);
        }
        deleted.put("outbox_event", outbox);
        deleted.put("job_run", deleteInBatches("DELETE FROM job_run WHERE started_at < ? AND status <> 'RUNNING' LIMIT ?",
                now.minus(jobRunRetention)));
        return deleted;
    }

    private int deleteInBatches(String sql, LocalDateTime cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update(sql, cutoff, batchSize);
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }
}
