package kr.co.pg.settlement.system;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What an operator does with kafka-consumer-groups: rewind stopped consumer groups to the beginning of every
 * topic they read (a replay), and see whether groups have caught up.
 */
final class KafkaOffsets implements AutoCloseable {

    private final Admin admin;

    KafkaOffsets(String bootstrapServers) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(p);
    }

    /** The group must have no members (its services stopped), as with kafka-consumer-groups --reset-offsets. */
    void rewindToEarliest(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            committed.keySet().forEach(tp -> earliest.put(tp, OffsetSpec.earliest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin.listOffsets(earliest).all().get();
            Map<TopicPartition, OffsetAndMetadata> rewind = new HashMap<>();
            offsets.forEach((tp, info) -> rewind.put(tp, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(group, rewind).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot rewind " + group + ": " + e.getCause(), e.getCause());
        }
    }

    /** Messages the group has not yet committed, over all partitions it has offsets for. */
    long lag(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            long lag = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                long position = e.getValue() == null ? 0 : e.getValue().offset();
                lag += Math.max(0, ends.get(e.getKey()).offset() - position);
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read offsets of " + group + ": " + e.getCause(), e.getCause());
        }
    }

    /** Total number of committed offsets of the group (a replay has been consumed when it returns to this). */
    long committedTotal(String group) {
        try {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                    .mapToLong(o -> o == null ? 0 : o.offset()).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
