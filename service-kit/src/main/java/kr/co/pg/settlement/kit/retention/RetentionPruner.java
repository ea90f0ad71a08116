package kr.co.pg.settlement.kit.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes a service's bookkeeping rows older than their retention, in batches (DELETE ... LIMIT n, repeated), so the
 * tables do not grow forever and no delete holds many locks. Every retention is at least the topics' retention: an
 * event can be redelivered (or replayed) while its topic keeps it and must still find its row; a shorter setting is
 * refused at start-up. A service subclasses it with its tables ({@link Table}) and {@code @Component}; it runs every
 * {@code settlement.retention.interval} (needs {@code @EnableScheduling}).
 */
public abstract class RetentionPruner {

    private static final Logger log = LoggerFactory.getLogger(RetentionPruner.class);

    /**
     * One table's pruning.
     *
     * @param table          the name the counts are reported under
     * @param setting        the retention's setting, below {@code settlement.retention.}
     * @param deleteSql      a DELETE with two parameters: the cutoff time and the batch size ({@code ... < ? LIMIT ?})
     * @param warnWhenDeleted logged (with the count) when rows are deleted, or null: deleting them is news
     */
    public record Table(String table, String setting, Duration retention, String deleteSql, String warnWhenDeleted) {

        public Table(String table, String setting, Duration retention, String deleteSql) {
            this(table, setting, retention, deleteSql, null);
        }

        /** processed_event (consumer, event_id, processed_at), which every consuming service keeps. */
        public static Table processedEvents(Duration retention) {
            return new Table("processed_event", "processed-event", retention,
                    "DELETE FROM processed_event WHERE processed_at < ? LIMIT ?");
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final List<Table> tables;
    private final int batchSize;

    protected RetentionPruner(JdbcTemplate jdbc, Clock clock, int batchSize, List<Table> tables) {
        for (Table t : tables) {
            if (t.retention().compareTo(Topics.RETENTION) < 0) {
                throw new IllegalStateException("settlement.retention." + t.setting() + " = " + t.retention()
                        + " is shorter than the topics' retention " + Topics.RETENTION + ": a redelivered or replayed"
                        + " event could be applied twice; set at least " + Topics.RETENTION);
            }
        }
        if (batchSize < 1) {
            throw new IllegalStateException("settlement.retention.batch-size must be positive, is " + batchSize);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.tables = List.copyOf(tables);
        this.batchSize = batchSize;
    }

    @Scheduled(initialDelayString = "${settlement.retention.initial-delay:PT5M}",
            fixedDelayString = "${settlement.retention.interval:PT1H}")
    public void scheduledPrune() {
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
    public Map<String, Integer> prune() {
        LocalDateTime now = LocalDateTime.now(clock);
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (Table t : tables) {
            int rows = deleteInBatches(t.deleteSql(), now.minus(t.retention()));
            if (rows > 0 && t.warnWhenDeleted() != null) {
                log.warn("deleted {} {} rows older than {}: {}", rows, t.table(), t.retention(), t.warnWhenDeleted());
            }
            deleted.put(t.table(), rows);
        }
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
