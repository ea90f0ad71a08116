package kr.co.pg.settlement.ops;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** The Admin API operations on consumer groups that replay and status need. */
public final class GroupOffsets {

    /** A group's state and how many members it has; absent = the cluster does not know the group. */
    public record GroupState(String state, int members) {
    }

    private final Admin admin;

    public GroupOffsets(Admin admin) {
        this.admin = admin;
    }

    public Optional<GroupState> describe(String group) {
        try {
            ConsumerGroupDescription d = get(admin.describeConsumerGroups(List.of(group)).describedGroups().get(group));
            if (d.groupState() == org.apache.kafka.common.GroupState.DEAD && d.members().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new GroupState(String.valueOf(d.groupState()).toUpperCase(java.util.Locale.ROOT),
                    d.members().size()));
        } catch (GroupIdNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Committed offsets of the group, by partition (sorted); partitions without a committed offset are absent. */
    public Map<TopicPartition, Long> committed(String group) {
        Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> result = new TreeMap<>(BY_TOPIC_AND_PARTITION);
        offsets.forEach((tp, om) -> {
            if (om != null) {
                result.put(tp, om.offset());
            }
        });
        return result;
    }

    /** The partitions of the topics that exist; missing topics are returned in {@code missing}. */
    public List<TopicPartition> partitions(Collection<String> topics, List<String> missing) {
        List<TopicPartition> result = new ArrayList<>();
        for (String topic : topics) {
            try {
                TopicDescription d = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
                d.partitions().forEach(p -> result.add(new TopicPartition(topic, p.partition())));
            } catch (UnknownTopicOrPartitionException e) {
                missing.add(topic);
            }
        }
        result.sort(BY_TOPIC_AND_PARTITION);
        return result;
    }

    public void alter(String group, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> m = new HashMap<>();
        offsets.forEach((tp, offset) -> m.put(tp, new OffsetAndMetadata(offset)));
        get(admin.alterConsumerGroupOffsets(group, m).all());
    }

    public static final java.util.Comparator<TopicPartition> BY_TOPIC_AND_PARTITION =
            java.util.Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuntimeException re && (cause instanceof GroupIdNotFoundException
                    || cause instanceof UnknownTopicOrPartitionException)) {
                throw re;
            }
            throw new OpsException("Kafka: " + cause.getMessage(), cause);
        }
    }
}
