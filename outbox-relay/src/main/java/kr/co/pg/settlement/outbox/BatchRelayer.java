package kr.co.pg.settlement.outbox;

import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one batch of binlog changes to Kafka and commits the batch's offsets only after Kafka acknowledged every
 * record of it. A failed send throws before anything is marked, so the engine stops and the batch is read again
 * from the last committed offset (duplicates possible, loss not).
 */
final class BatchRelayer implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    private static final Logger log = LoggerFactory.getLogger(BatchRelayer.class);

    private final String relayName;
    private final Producer<String, byte[]> producer;
    private final BooleanSupplier stillLeader;
    private final AtomicLong relayedCount = new AtomicLong();
    private final AtomicLong lastRelayedId = new AtomicLong();
    private volatile Instant lastRelayedAt;
    private volatile String lastPosition;

    /**
     * @param stillLeader asked before each batch is sent: false once this instance lost the relay lock, so that a
     *                    stale instance stops producing at its next batch, not only when the engine has stopped
     */
    BatchRelayer(String relayName, Producer<String, byte[]> producer, BooleanSupplier stillLeader) {
        this.relayName = relayName;
        this.producer = producer;
        this.stillLeader = stillLeader;
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> changes,
                            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        if (!stillLeader.getAsBoolean()) {
            throw new OutboxRelayException("Outbox relay '" + relayName + "' lost its lock: this instance sends"
                    + " nothing more (" + changes.size() + " changes left to the instance that holds the lock)");
        }
        List<OutboxRow> rows = new ArrayList<>(changes.size());
        List<Future<RecordMetadata>> acks = new ArrayList<>(changes.size());
        try {
            // one thread, binlog order: the producer keeps per-key (per-partition) order
            for (RecordChangeEvent<SourceRecord> change : changes) {
                Optional<OutboxRow> row = OutboxRow.fromChange(change.record());
                if (row.isPresent()) {
                    rows.add(row.get());
                    acks.add(producer.send(row.get().toProducerRecord()));
                }
            }
        } catch (RuntimeException e) {
            throw new OutboxRelayException("Outbox relay '" + relayName + "' could not hand "
                    + (rows.isEmpty() ? "a change" : "the row after " + rows.get(rows.size() - 1).describe())
                    + " to the Kafka producer: " + e.getMessage()
                    + ". Nothing of this batch is committed; it is read again when the relay restarts.", e);
        }
        if (!acks.isEmpty()) {
            producer.flush();
        }
        long highestId = 0;
        for (int i = 0; i < acks.size(); i++) {
            OutboxRow row = rows.get(i);
            try {
                acks.get(i).get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new OutboxRelayException("Kafka did not acknowledge " + row.describe() + " (relay '"
                        + relayName + "'): " + cause + ". Check the broker, the topic and its max.message.bytes /"
                        + " the producer's max.request.size. Nothing of this batch is committed; it is read again"
                        + " when the relay restarts.", cause);
            }
            highestId = Math.max(highestId, row.id());
        }
        // only now, with every send acknowledged, may the engine commit these offsets (it does so at once:
        // OffsetCommitPolicy.always())
        for (RecordChangeEvent<SourceRecord> change : changes) {
            committer.markProcessed(change);
        }
        committer.markBatchFinished();
        if (!rows.isEmpty()) {
            relayedCount.addAndGet(rows.size());
            lastRelayedId.accumulateAndGet(highestId, Math::max);
            lastRelayedAt = Instant.now();
            log.debug("Outbox relay '{}' relayed {} rows up to id {} ({} changes in the batch)", relayName,
                    rows.size(), highestId, changes.size());
        }
        if (!changes.isEmpty()) {
            lastPosition = position(changes.get(changes.size() - 1).record());
        }
    }

    long relayedCount() {
        return relayedCount.get();
    }

    long lastRelayedId() {
        return lastRelayedId.get();
    }

    /** When the last batch with rows was acknowledged by Kafka and its offsets committed; null before the first. */
    Instant lastRelayedAt() {
        return lastRelayedAt;
    }

    /** Binlog file:position of the last change handled (relayed or ignored); null before the first. */
    String lastPosition() {
        return lastPosition;
    }

    private static String position(SourceRecord record) {
        Map<String, ?> offset = record.sourceOffset();
        if (offset == null || offset.get("file") == null) {
            return null;
        }
        return offset.get("file") + ":" + offset.get("pos");
    }
}
