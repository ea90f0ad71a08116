package kr.co.pg.settlement.scheduler;

import java.time.Clock;
import java.time.Duration;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.scheduler.adapter.in.scheduling.SchedulerProperties;
import kr.co.pg.settlement.scheduler.adapter.out.kafka.KickoffSender;
import kr.co.pg.settlement.scheduler.application.ScheduledKickoffs;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean
    Clock clock(SchedulerProperties properties) {
        return Clock.system(properties.zone());
    }

    @Bean
    @SuppressWarnings("unchecked")
    KickoffSender kickoffSender(ProducerFactory<?, ?> producerFactory, Clock clock,
                                @Value("${settlement.scheduler.ack-timeout:30s}") Duration ackTimeout) {
        return new KickoffSender((Producer<String, byte[]>) (Producer<?, ?>) producerFactory.createProducer(), clock,
                ackTimeout);
    }

    @Bean
    ScheduledKickoffs scheduledKickoffs(KickoffSender sender, Clock clock, SchedulerProperties properties) {
        return new ScheduledKickoffs(sender, clock, properties.sendAttempts(), properties.retryDelay(),
                duration -> Thread.sleep(duration.toMillis()));
    }

    @Bean
    KafkaAdmin.NewTopics settlementTopics() {
        return new KafkaAdmin.NewTopics(Topics.all().stream()
                .map(spec -> TopicBuilder.name(spec.name())
                        .partitions(spec.partitions())
                        .replicas(1)
                        .config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Topics.RETENTION.toMillis()))
                        .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(Topics.MAX_MESSAGE_BYTES))
                        .build())
                .toArray(NewTopic[]::new));
    }
}
