package kr.co.pg.settlement.collector.adapter.in.kafka;

import java.time.Duration;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.kit.kafka.DeadLetterErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * The kit's {@link DeadLetterErrorHandler} for the collector: an InvalidEventException goes to the collector's
 * dead-letter topic at once, with the reason headers; anything else (DB down, deadlock) is retried with exponential
 * backoff (from 500 ms, at most {@code settlement.kafka.retry-max-interval}), without limit.
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

    @Bean
    DefaultErrorHandler collectorErrorHandler(KafkaOperations<?, ?> template,
                                              @Value("${settlement.kafka.retry-max-interval:PT60S}") Duration maxInterval) {
        return DeadLetterErrorHandler.create(template, Topics.DLT_COLLECTOR, Duration.ofMillis(500), 2.0, maxInterval);
    }

}
