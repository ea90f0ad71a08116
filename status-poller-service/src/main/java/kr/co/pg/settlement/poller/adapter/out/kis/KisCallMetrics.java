package kr.co.pg.settlement.poller.adapter.out.kis;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import kr.co.pg.settlement.kit.kis.KisCallTimer;
import kr.co.pg.settlement.kit.kis.ResilientKisCalls;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Times the KIS status and download calls as the {@code kis} circuit breaker sees them (service kit's {@link KisCallTimer}). */
@Configuration(proxyBeanMethods = false)
class KisCallMetrics {

    @Bean
    KisCallTimer kisCallTimer(CircuitBreakerRegistry circuitBreakers, MeterRegistry registry) {
        return new KisCallTimer(circuitBreakers.circuitBreaker(ResilientKisCalls.INSTANCE), registry, "poll");
    }
}
