package kr.co.pg.settlement.collector.config;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The KST clock every "now" comes from, and the topics the service declares at start-up. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CollectorConfiguration {

    static final ZoneId KST = ZoneId.of("Asia/Seoul");

    @Bean
    Clock clock() {
        return Clock.system(KST);
    }

    /**
     * Topics of Topics.all(). Replication (default 3, min.insync.replicas 2) and partition overrides come from
     * settlement.kafka.topic-replication / topic-min-insync-replicas / topic-partitions; a one-broker cluster (tests,
     * demo) must set topic-replication 1, or the topics cannot be created.
     */
    @Bean
    KafkaAdmin.NewTopics settlementTopics(@Value("${settlement.kafka.topic-replication:3}") int replication,
                                          @Value("${settlement.kafka.topic-min-insync-replicas:2}") int minInsync,
                                          @Value("${settlement.kafka.topic-partitions:}") String partitions) {
        return new KafkaAdmin.NewTopics(TopicDeclarations.of(replication, minInsync, partitions));
    }
}
