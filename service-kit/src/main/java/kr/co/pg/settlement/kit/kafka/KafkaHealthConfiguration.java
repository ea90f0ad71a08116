package kr.co.pg.settlement.kit.kafka;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Import into a service for health {@code kafka} and a {@link KafkaClusterProbe} its metrics can use; the admin
 * client is named after the service's configuration ({@code <spring.config.name>-observability}).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaHealthConfiguration {

    @Bean
    KafkaClusterProbe kafkaClusterProbe(KafkaAdmin kafkaAdmin,
                                        @Value("${spring.config.name:service}") String serviceName) {
        return new KafkaClusterProbe(kafkaAdmin, serviceName + "-observability");
    }

    @Bean("kafkaHealthIndicator")
    HealthIndicator kafkaHealthIndicator(KafkaClusterProbe probe) {
        return new KafkaHealthIndicator(probe);
    }
}
