package kr.co.pg.settlement.poller.config;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import kr.co.pg.settlement.events.InvalidEventException;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.kit.kafka.DeadLetterErrorHandler;
import kr.co.pg.settlement.kit.kafka.KafkaHealthConfiguration;
import kr.co.pg.settlement.kit.kafka.SettlementTopicsConfiguration;
import kr.co.pg.settlement.kit.kis.KisClientConfiguration;
import kr.co.pg.settlement.kit.kis.ReactorNettyConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The clock, the shared pieces of the service kit (topics, Kafka health, KIS client, own Reactor Netty loops), and the
 * listener error handling: an {@link InvalidEventException} goes to the poller's
 * dead-letter topic at once; anything else (database or broker trouble) is retried with exponential
 * backoff and no limit, the offset uncommitted, so no event is ever lost.
 */
@Configuration(proxyBeanMethods = false)
@Import({SettlementTopicsConfiguration.class, KafkaHealthConfiguration.class, KisClientConfiguration.class,
        ReactorNettyConfiguration.class})
@EnableScheduling
class PollerKafkaConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Seoul"));
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> template,
                                          @Value("${settlement.poller.retry.initial-interval:1s}") Duration initial,
                                          @Value("${settlement.poller.retry.max-interval:60s}") Duration max,
                                          @Value("${settlement.poller.retry.multiplier:2.0}") double multiplier) {
        return DeadLetterErrorHandler.create(template, Topics.DLT_POLLER, initial, multiplier, max);
    }
}
