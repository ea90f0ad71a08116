package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import kr.co.pg.settlement.kit.retention.RetentionPruner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deletes the collector's bookkeeping rows older than their retention, with the kit's {@link RetentionPruner}:
 * <ul>
 * <li>processed_event (processed_at).</li>
 * <li>outbox_event (created_at): rows the cleaner could not prove relayed (the last burst before a quiet period);
 * a row this old was relayed long ago or the relay has been down for weeks (then it is logged).</li>
 * <li>job_run (started_at): kept much longer by default (400 days), since the day report reads a run's window.</li>
 * </ul>
 */
@Component
class TablePruner extends RetentionPruner {

    TablePruner(JdbcTemplate jdbc, Clock clock,
                @Value("${settlement.retention.processed-event:P15D}") Duration processedEventRetention,
                @Value("${settlement.retention.outbox-event:P15D}") Duration outboxRetention,
                @Value("${settlement.retention.job-run:P400D}") Duration jobRunRetention,
                @Value("${settlement.retention.batch-size:1000}") int batchSize) {
        super(jdbc, clock, batchSize, List.of(
                Table.processedEvents(processedEventRetention),
                new Table("outbox_event", "outbox-event", outboxRetention,
                        "DELETE FROM outbox_event WHERE created_at < ? ORDER BY id LIMIT ?",
                        "they were relayed (the last rows before a quiet time) or the relay has not run for that long"
                                + " - check settlement.*.file-requested topics"),
                new Table("job_run", "job-run", jobRunRetention,
                        "DELETE FROM job_run WHERE started_at < ? AND status <> 'RUNNING' LIMIT ?")));
    }
}
