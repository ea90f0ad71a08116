package kr.co.pg.settlement.collector.adapter.out.kafka;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes outbox rows the relay has certainly sent, by their ids, in small batches.
 *
 * <p>The relay only tells the highest id Kafka acknowledged, and it sends in binlog (commit) order, while the
 * collector's writer threads commit ids out of order: id 10 may commit after id 11 was relayed, so "id ≤ highest
 * relayed" would delete row 10 before it was sent. Instead the cleaner remembers the ids visible at one moment
 * (a snapshot, one statement) and the highest visible id M; once the relay acknowledged an id above M, that row was
 * committed after the snapshot, so every row of the snapshot (committed before it) was relayed before it, and the
 * snapshot's ids are deleted. Rows of the last burst wait for the next relayed row (or the age-based pruning).
 */
@Component
@ConditionalOnProperty(name = "settlement.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
class OutboxCleaner {

    private static final Logger log = LoggerFactory.getLogger(OutboxCleaner.class);
    /** Ids remembered per snapshot; the rest waits for the next one. */
    private static final int SNAPSHOT_LIMIT = 10_000;

    private final LongSupplier lastRelayedId;
    private final JdbcTemplate jdbc;
    private final int batchSize;
    private List<Long> snapshot = List.of();
    private long snapshotMaxId;

    @Autowired
    OutboxCleaner(OutboxRelayLifecycle relay, JdbcTemplate jdbc, OutboxRelayProperties properties) {
        this(relay::lastRelayedId, jdbc, properties.cleanupBatchSize() == null ? 500 : properties.cleanupBatchSize());
    }

    OutboxCleaner(LongSupplier lastRelayedId, JdbcTemplate jdbc, int batchSize) {
        this.lastRelayedId = lastRelayedId;
        this.jdbc = jdbc;
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${settlement.outbox.cleanup-interval:PT30S}")
    synchronized void deleteRelayed() {
        if (!snapshot.isEmpty()) {
            long relayed = lastRelayedId.getAsLong();
            if (relayed <= snapshotMaxId) {
                return;
            }
            int deleted = delete(snapshot);
            log.debug("deleted {} relayed outbox rows (snapshot up to id {}, relay at id {})", deleted, snapshotMaxId,
                    relayed);
        }
        takeSnapshot();
    }

    private int delete(List<Long> ids) {
        int total = 0;
        for (int from = 0; from < ids.size(); from += batchSize) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + batchSize));
            total += jdbc.update("DELETE FROM outbox_event WHERE id IN ("
                    + String.join(",", Collections.nCopies(batch.size(), "?")) + ")", batch.toArray());
        }
        return total;
    }

    /** One statement: the ids and the maximum come from the same read view. */
    private void takeSnapshot() {
        List<Long> ids = new ArrayList<>();
        long[] max = {0};
        jdbc.query("SELECT id, (SELECT MAX(id) FROM outbox_event) AS max_id FROM outbox_event ORDER BY id LIMIT ?",
                rs -> {
                    ids.add(rs.getLong("id"));
                    max[0] = rs.getLong("max_id");
                }, SNAPSHOT_LIMIT);
        snapshot = List.copyOf(ids);
        snapshotMaxId = max[0];
    }
}
