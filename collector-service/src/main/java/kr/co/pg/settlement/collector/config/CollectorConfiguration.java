package kr.co.pg.settlement.collector.config;

import java.time.Clock;
import java.time.ZoneId;
import kr.co.pg.settlement.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
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

    @Bean
    KafkaAdmin.NewTopics settlementTopics() {
        return new KafkaAdmin.NewTopics(Topics.all().stream()
                .map(spec -> TopicBuilder.name(spec.name()).partitions(spec.partitions()).replicas(1)
                        .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Topics.RETENTION.toMillis()))
                        .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(Topics.MAX_MESSAGE_BYTES))
                        .build())
                .toArray(NewTopic[]::new));
    }
}
