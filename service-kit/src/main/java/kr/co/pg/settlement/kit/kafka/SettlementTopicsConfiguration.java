package kr.co.pg.settlement.kit.kafka;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Import into a service to declare the topics of Topics.all() at start-up. Replication (default 3, min.insync.replicas
 * 2) and partition overrides come from settlement.kafka.topic-replication / topic-min-insync-replicas /
 * topic-partitions ("topic=count,..."); a one-broker cluster (tests, demo) must set topic-replication 1.
 */
@Configuration(proxyBeanMethods = false)
public class SettlementTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics settlementTopics(@Value("${settlement.kafka.topic-replication:3}") int replication,
                                          @Value("${settlement.kafka.topic-min-insync-replicas:2}") int minInsync,
                                          @Value("${settlement.kafka.topic-partitions:}") String partitions) {
        return new KafkaAdmin.NewTopics(TopicDeclarations.of(replication, minInsync, partitions));
    }
}
