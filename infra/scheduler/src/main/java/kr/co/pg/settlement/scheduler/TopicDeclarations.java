package kr.co.pg.settlement.scheduler;

import static kr.co.pg.settlement.kit.kafka.TopicDeclarations.minInsync;
import static kr.co.pg.settlement.kit.kafka.TopicDeclarations.of;
import static kr.co.pg.settlement.kit.kafka.TopicDeclarations.topic;

import java.util.ArrayList;
import java.util.List;
import kr.co.pg.settlement.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics this service declares at start-up, as every service does ({@code settlement.kafka.*}; built by the
 * service kit's TopicDeclarations): those of {@link Topics#all()} (partitions from the TopicSpec unless overridden),
 * the scheduler's own leader-election topic (one partition) and a non-standard kick-off topic when one is configured.
 * Replication and min.insync.replicas from configuration (production 3 and 2; a one-broker test or demo cluster
 * needs 1).
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
        List<NewTopic> topics = new ArrayList<>(List.of(of(topicReplication, topicMinInsyncReplicas, topicPartitions)));
        if (Topics.all().stream().noneMatch(spec -> spec.name().equals(kickoffTopic))) {
            topics.add(topic(kickoffTopic, 4, topicReplication, topicMinInsyncReplicas));
        }
        topics.add(TopicBuilder.name(leaderTopic).partitions(1).replicas(topicReplication)
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                        String.valueOf(minInsync(topicMinInsyncReplicas, topicReplication))).build());
        return topics.toArray(NewTopic[]::new);
    }
}
