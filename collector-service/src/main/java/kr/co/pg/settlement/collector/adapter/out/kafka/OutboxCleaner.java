package kr.co.pg.settlement.collector.adapter.out.kafka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes outbox rows Kafka acknowledged (id ≤ the relay's last relayed id), in small batches. */
@Component
@ConditionalOnProperty(name = "settlement.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
class OutboxCleaner {

    private static final Logger log = LoggerFactory.getLogger(OutboxCleaner.class);

    private final OutboxRelayLifecycle relay;
    private final JdbcTemplate jdbc;
    private final int batchSize;

    OutboxCleaner(OutboxRelayLifecycle relay, JdbcTemplate jdbc, OutboxRelayProperties properties) {
        this.relay = relay;
        this.jdbc = jdbc;
        this.batchSize = properties.cleanupBatchSize() == null ? 500 : properties.cleanupBatchSize();
    }

    @Scheduled(fixedDelayString = "${settlement.outbox.cleanup-interval:PT30S}")
    void deleteRelayed() {
        long upTo = relay.lastRelayedId();
        if (upTo <= 0) {
            return;
        }
        int deleted;
        int total = 0;
        do {
            deleted = jdbc.update("DELETE FROM outbox_event WHERE id <= ? ORDER BY id LIMIT ?", upTo, batchSize);
            total += deleted;
        } while (deleted == batchSize);
        if (total > 0) {
            log.debug("deleted {} relayed outbox rows (id <= {})", total, upTo);
        }
    }
}
