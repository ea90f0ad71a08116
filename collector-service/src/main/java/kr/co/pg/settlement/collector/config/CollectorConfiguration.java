package kr.co.pg.settlement.collector.config;

import java.time.Clock;
import java.time.ZoneId;
import kr.co.pg.settlement.kit.kafka.KafkaHealthConfiguration;
import kr.co.pg.settlement.kit.kafka.SettlementTopicsConfiguration;
import kr.co.pg.settlement.kit.tracing.TracingConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The KST clock every "now" comes from; from the service kit, the topics the service declares at start-up
 * (settlement.kafka.topic-replication / topic-min-insync-replicas / topic-partitions; a one-broker cluster, as in tests
 * and the demo, must set topic-replication 1), health {@code kafka} with the probe the metrics use, and the kick-off's
 * trace through listeners, sent records and outbox rows.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@Import({SettlementTopicsConfiguration.class, KafkaHealthConfiguration.class, TracingConfiguration.class})
class CollectorConfiguration {

    static final ZoneId KST = ZoneId.of("Asia/Seoul");

    @Bean
    Clock clock() {
        return Clock.system(KST);
    }
}
