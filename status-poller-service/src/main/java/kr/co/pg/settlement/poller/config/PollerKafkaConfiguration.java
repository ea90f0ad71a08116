package kr.co.pg.settlement.poller.config;

import kr.co.pg.settlement.events.InvalidEventException;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.kit.kafka.DeadLetterErrorHandler;
import kr.co.pg.settlement.kit.kis.KisServiceConfiguration;
import kr.co.pg.settlement.kit.tracing.TracingConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The service kit's pieces for a KIS service (topics, Kafka health, KIS client, clock), the kick-off's trace (through
 * listeners, sent records and KIS calls), and the listener error
 * handling: an {@link InvalidEventException} goes to the poller's dead-letter topic at once; anything else (database
 * or broker trouble) is retried with backoff ({@code settlement.poller.retry.*}) and no limit, the offset
 * uncommitted, so no event is ever lost.
 */
@Configuration(proxyBeanMethods = false)
@Import({KisServiceConfiguration.class, TracingConfiguration.class})
@EnableScheduling
class PollerKafkaConfiguration {

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> template, Environment environment) {
        return DeadLetterErrorHandler.create(template, Topics.DLT_POLLER, environment, "settlement.poller.retry");
    }
}
