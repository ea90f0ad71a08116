package kr.co.pg.settlement.kit.kis;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Clock;
import java.time.ZoneId;
import kr.co.pg.settlement.kit.kafka.KafkaHealthConfiguration;
import kr.co.pg.settlement.kit.kafka.SettlementTopicsConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What a service that talks to KIS and Kafka takes from the kit: the topics, the Kafka health, the KIS client on
 * Reactor Netty loops of its own, its calls through resilience4j ({@link ResilientKisCalls}), and the clock
 * (Asia/Seoul).
 */
@Configuration(proxyBeanMethods = false)
@Import({SettlementTopicsConfiguration.class, KafkaHealthConfiguration.class, KisClientConfiguration.class,
        ReactorNettyConfiguration.class})
public class KisServiceConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Seoul"));
    }

    @Bean
    ResilientKisCalls resilientKisCalls(RetryRegistry retries, CircuitBreakerRegistry circuitBreakers) {
        return new ResilientKisCalls(retries, circuitBreakers);
    }
}
