package kr.co.pg.settlement.collector.config;

import java.util.HashMap;
import java.util.Map;
import kr.co.pg.settlement.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics of {@link Topics#all()} as this service declares them at start-up: partitions from the TopicSpec unless
 * overridden, replication and min.insync.replicas from configuration (production 3 and 2; a one-broker test or demo
 * cluster needs 1). min.insync.replicas never exceeds the replication factor.
 */
final class TopicDeclarations {

    static NewTopic[] of(int replication, int minInsyncReplicas, String partitionOverrides) {
        if (replication < 1) {
            throw new IllegalArgumentException("settlement.kafka.topic-replication must be at least 1, is " + replication);
        }
        Map<String, Integer> partitions = parseOverrides(partitionOverrides);
        int minInsync = Math.max(1, Math.min(minInsyncReplicas, replication));
        return Topics.all().stream()
                .map(spec -> TopicBuilder.name(spec.name())
                        .partitions(partitions.getOrDefault(spec.name(), spec.partitions()))
                        .replicas(replication)
                        .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Topics.RETENTION.toMillis()))
                        .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(Topics.MAX_MESSAGE_BYTES))
                        .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInsync))
                        .build())
                .toArray(NewTopic[]::new);
    }

    /** "topic=count,topic=count" (blank: none); an unknown topic name is a configuration error. */
    static Map<String, Integer> parseOverrides(String overrides) {
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
            int count = Integer.parseInt(parts[1].trim());
            if (count < 1) {
                throw new IllegalArgumentException("settlement.kafka.topic-partitions: " + entry.trim()
                        + ": a topic needs at least one partition");
            }
            out.put(parts[0].trim(), count);
        }
        return out;
    }

    private TopicDeclarations() {
    }
}
