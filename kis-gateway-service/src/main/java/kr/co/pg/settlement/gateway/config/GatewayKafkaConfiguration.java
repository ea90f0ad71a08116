package kr.co.pg.settlement.gateway.config;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import kr.co.pg.settlement.events.InvalidEventException;
import kr.co.pg.settlement.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Topics, the clock, and the listener error handling: an {@link InvalidEventException} goes to the gateway's
 * dead-letter topic at once; anything else (KIS unavailable, 401, broker trouble) is retried with exponential
 * backoff and no limit, the offset uncommitted, so no file request is ever lost.
 */
@Configuration(proxyBeanMethods = false)
class GatewayKafkaConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Seoul"));
    }

    @Bean
    KafkaAdmin.NewTopics settlementTopics() {
        return new KafkaAdmin.NewTopics(Topics.all().stream()
                .map(spec -> new NewTopic(spec.name(), spec.partitions(), (short) -1).configs(Map.of(
                        TopicConfig.RETENTION_MS_CONFIG, Long.toString(Topics.RETENTION.toMillis()),
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES))))
                .toArray(NewTopic[]::new));
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> template,
                                          @Value("${settlement.gateway.retry.initial-interval:1s}") Duration initial,
                                          @Value("${settlement.gateway.retry.max-interval:60s}") Duration max,
                                          @Value("${settlement.gateway.retry.multiplier:2.0}") double multiplier) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(Topics.DLT_GATEWAY, 0));
        ExponentialBackOff backOff = new ExponentialBackOff(initial.toMillis(), multiplier);
        backOff.setMaxInterval(max.toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }
}
