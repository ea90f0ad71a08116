package kr.co.pg.settlement.gateway.config;

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

/**
 * The service kit's pieces for a KIS service (topics, Kafka health, KIS client, clock), the kick-off's trace (through
 * listeners, sent records and KIS calls), and the listener error
 * handling: an {@link InvalidEventException} goes to the gateway's dead-letter topic at once; anything else (KIS
 * unavailable, 401, broker trouble) is retried with backoff ({@code settlement.gateway.retry.*}) and no limit, the
 * offset uncommitted, so no file request is ever lost.
 */
@Configuration(proxyBeanMethods = false)
@Import({KisServiceConfiguration.class, TracingConfiguration.class})
class GatewayKafkaConfiguration {

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> template, Environment environment) {
        return DeadLetterErrorHandler.create(template, Topics.DLT_GATEWAY, environment, "settlement.gateway.retry");
    }
}
