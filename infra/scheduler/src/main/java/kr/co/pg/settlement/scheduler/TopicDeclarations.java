package kr.co.pg.settlement.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics this service declares at start-up, as every service does ({@code settlement.kafka.*}): those of
 * {@link Topics#all()} (partitions from the TopicSpec unless overridden), the scheduler's own leader-election topic
 * (one partition) and a non-standard kick-off topic when one is configured. Replication and min.insync.replicas from
 * configuration (production 3 and 2; a one-broker test or demo cluster needs 1).
 *
 * @param topicReplication       replication factor of the declared topics
 * @param topicMinInsyncReplicas min.insync.replicas, never above the replication factor
 * @param topicPartitions        "topic=count,topic=count" overrides for topics of Topics.all() (blank: none)
 */
@ConfigurationProperties("settlement.kafka")
record TopicDeclarations(Integer topicReplication, Integer topicMinInsyncReplicas, String topicPartitions) {

    TopicDeclarations {
        topicReplication = topicReplication == null ? 3 : topicReplication;
        topicMinInsyncReplicas = topicMinInsyncReplicas == null ? 2 : topicMinInsyncReplicas;
        if (topicReplication < 1) {
            throw new IllegalArgumentException("settlement.kafka.topic-replication must be at least 1, is "
                    + topicReplication);
        }
    }

    NewTopic[] declare(String kickoffTopic, String leaderTopic) {
        Map<String, Integer> partitions = parseOverrides(topicPartitions);
        List<NewTopic> topics = new ArrayList<>();
        Topics.all().forEach(spec -> topics.add(
                topic(spec.name(), partitions.getOrDefault(spec.name(), spec.partitions()))));
        if (Topics.all().stream().noneMatch(spec -> spec.name().equals(kickoffTopic))) {
            topics.add(topic(kickoffTopic, 4));
        }
        topics.add(TopicBuilder.name(leaderTopic).partitions(1).replicas(topicReplication)
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInsync())).build());
        return topics.toArray(NewTopic[]::new);
    }

    private NewTopic topic(String name, int partitions) {
        return TopicBuilder.name(name)
                .partitions(partitions)
                .replicas(topicReplication)
                .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Topics.RETENTION.toMillis()))
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(Topics.MAX_MESSAGE_BYTES))
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInsync()))
                .build();
    }

    private int minInsync() {
        return Math.max(1, Math.min(topicMinInsyncReplicas, topicReplication));
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
}
