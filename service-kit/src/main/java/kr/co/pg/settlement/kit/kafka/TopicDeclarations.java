package kr.co.pg.settlement.kit.kafka;

import java.util.HashMap;
import java.util.Map;
import kr.co.pg.settlement.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics of {@link Topics#all()} as every service declares them at start-up: partitions from the TopicSpec unless
 * overridden, retention {@link Topics#RETENTION}, max.message.bytes {@link Topics#MAX_MESSAGE_BYTES}, replication and
 * min.insync.replicas from configuration (production 3 and 2; a one-broker test or demo cluster needs 1).
 * min.insync.replicas never exceeds the replication factor.
 */
public final class TopicDeclarations {

    /** Every topic of Topics.all(); {@code partitionOverrides} as {@link #partitionOverrides(String)} reads it. */
    public static NewTopic[] of(int replication, int minInsyncReplicas, String partitionOverrides) {
        requireReplication(replication);
        Map<String, Integer> partitions = partitionOverrides(partitionOverrides);
        return Topics.all().stream()
                .map(spec -> topic(spec.name(), partitions.getOrDefault(spec.name(), spec.partitions()),
                        replication, minInsyncReplicas))
                .toArray(NewTopic[]::new);
    }

    /** One topic with the shared retention and message size. */
    public static NewTopic topic(String name, int partitions, int replication, int minInsyncReplicas) {
        requireReplication(replication);
        return TopicBuilder.name(name)
                .partitions(partitions)
                .replicas(replication)
                .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Topics.RETENTION.toMillis()))
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(Topics.MAX_MESSAGE_BYTES))
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                        String.valueOf(minInsync(minInsyncReplicas, replication)))
                .build();
    }

    /** The configured min.insync.replicas, at least 1 and at most the replication factor. */
    public static int minInsync(int minInsyncReplicas, int replication) {
        return Math.max(1, Math.min(minInsyncReplicas, replication));
    }

    /** "topic=count,topic=count" (blank: none); an unknown topic name or a bad count is a configuration error. */
    public static Map<String, Integer> partitionOverrides(String overrides) {
        Map<String, Integer> out = new HashMap<>();
        if (overrides == null || overrides.isBlank()) {
            return out;
        }
        for (String entry : overrides.split(",")) {
            String[] parts = entry.trim().split("=");
            if (parts.length != 2 || Topics.all().stream().noneMatch(s -> s.name().equals(parts[0].trim()))) {
                throw new IllegalArgumentException("settlement.kafka.topic-partitions: '" + entry.trim()
                        + "' is not topic=count for one of the topics of Topics.all()");
            }
            int count;
            try {
                count = Integer.parseInt(parts[1].trim());
            } catch (NumberFormatException e) {
                count = 0;
            }
            if (count < 1) {
                throw new IllegalArgumentException("settlement.kafka.topic-partitions: " + entry.trim()
                        + ": a topic needs a whole number of partitions, at least one");
            }
            out.put(parts[0].trim(), count);
        }
        return out;
    }

    private static void requireReplication(int replication) {
        if (replication < 1) {
            throw new IllegalArgumentException("settlement.kafka.topic-replication must be at least 1, is " + replication);
        }
    }

    private TopicDeclarations() {
    }
}
