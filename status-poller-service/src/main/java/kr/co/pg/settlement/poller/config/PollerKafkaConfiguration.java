package kr.co.pg.settlement.poller.config;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import kr.co.pg.settlement.events.InvalidEventException;
import kr.co.pg.settlement.events.InvalidFieldException;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.kit.kafka.KafkaHealthConfiguration;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Topics, the clock, and the listener error handling: an {@link InvalidEventException} goes to the poller's
 * dead-letter topic at once; anything else (database or broker trouble) is retried with exponential
 * backoff and no limit, the offset uncommitted, so no event is ever lost.
 */
@Configuration(proxyBeanMethods = false)
@Import(KafkaHealthConfiguration.class)
@EnableScheduling
class PollerKafkaConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Seoul"));
    }

    /**
     * Topics of Topics.all(): replication (default 3, min.insync.replicas 2) and partition overrides from
     * settlement.kafka.topic-replication / topic-min-insync-replicas / topic-partitions ("topic=count,...");
     * a one-broker cluster (tests, demo) must set topic-replication 1.
     */
    @Bean
    KafkaAdmin.NewTopics settlementTopics(@Value("${settlement.kafka.topic-replication:3}") int replication,
                                          @Value("${settlement.kafka.topic-min-insync-replicas:2}") int minInsync,
                                          @Value("${settlement.kafka.topic-partitions:}") String partitions) {
        return new KafkaAdmin.NewTopics(topics(replication, minInsync, partitions));
    }

    static NewTopic[] topics(int replication, int minInsyncReplicas, String partitionOverrides) {
        if (replication < 1) {
            throw new IllegalArgumentException("settlement.kafka.topic-replication must be at least 1, is " + replication);
        }
        Map<String, Integer> partitions = new HashMap<>();
        if (partitionOverrides != null && !partitionOverrides.isBlank()) {
            for (String entry : partitionOverrides.split(",")) {
                String[] parts = entry.trim().split("=");
                if (parts.length != 2 || Topics.all().stream().noneMatch(t -> t.name().equals(parts[0].trim()))
                        || Integer.parseInt(parts[1].trim()) < 1) {
                    throw new IllegalArgumentException("settlement.kafka.topic-partitions: '" + entry.trim()
                            + "' is not topic=count (count >= 1) for one of the topics of Topics.all()");
                }
                partitions.put(parts[0].trim(), Integer.parseInt(parts[1].trim()));
            }
        }
        String minInsync = String.valueOf(Math.max(1, Math.min(minInsyncReplicas, replication)));
        return Topics.all().stream()
                .map(spec -> new NewTopic(spec.name(), partitions.getOrDefault(spec.name(), spec.partitions()),
                        (short) replication).configs(Map.of(
                        TopicConfig.RETENTION_MS_CONFIG, Long.toString(Topics.RETENTION.toMillis()),
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(Topics.MAX_MESSAGE_BYTES),
                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync)))
                .toArray(NewTopic[]::new);
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> template,
                                          @Value("${settlement.poller.retry.initial-interval:1s}") Duration initial,
                                          @Value("${settlement.poller.retry.max-interval:60s}") Duration max,
                                          @Value("${settlement.poller.retry.multiplier:2.0}") double multiplier) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(Topics.DLT_POLLER, 0));
        deadLetters.setHeadersFunction((record, e) -> reasonHeaders(e));
        ExponentialBackOff backOff = new ExponentialBackOff(initial.toMillis(), multiplier);
        backOff.setMaxInterval(max.toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }

    /** dltReason (the InvalidEventException's message), and for a field fault dltField and dltValue (cut). */
    static Headers reasonHeaders(Throwable e) {
        RecordHeaders headers = new RecordHeaders();
        Throwable invalid = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidEventException) {
                invalid = t;
                break;
            }
        }
        Throwable reason = invalid != null ? invalid : e;
        headers.add("dltReason", String.valueOf(reason.getMessage()).getBytes(StandardCharsets.UTF_8));
        if (invalid instanceof InvalidFieldException field) {
            headers.add("dltField", field.field().getBytes(StandardCharsets.UTF_8));
            if (field.value() != null) {
                headers.add("dltValue", field.value().getBytes(StandardCharsets.UTF_8));
            }
        }
        return headers;
    }
}
