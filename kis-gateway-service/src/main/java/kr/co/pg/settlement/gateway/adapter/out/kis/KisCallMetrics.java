package kr.co.pg.settlement.gateway.adapter.out.kis;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.co.pg.settlement.gateway.config.observability.MetricNames;
import org.springframework.stereotype.Component;

/**
 * Times every KIS call as the {@code kis} circuit breaker sees it (each retry attempt is one call): the upload
 * adapter's outcome arrives as the breaker's events, so no call site changes. Errors are tagged with the HTTP status
 * their exception reports ("KIS 503 unavailable", "KIS 429 rate limited", "KIS 401 ...").
 */
@Component
class KisCallMetrics {

    private static final Pattern HTTP_STATUS = Pattern.compile("KIS (\\d{3})\\b|answer (\\d{3})\\b");
    private final MeterRegistry registry;

    KisCallMetrics(CircuitBreakerRegistry circuitBreakers, MeterRegistry registry) {
        this.registry = registry;
        CircuitBreaker breaker = circuitBreakers.circuitBreaker(KisUploadAdapter.RESILIENCE_INSTANCE);
        breaker.getEventPublisher()
                .onSuccess(e -> timer("success", "final").record(e.getElapsedDuration()))
                .onIgnoredError(e -> timer("success", "final").record(e.getElapsedDuration()))
                .onError(e -> timer("error", status(e.getThrowable())).record(e.getElapsedDuration()))
                .onCallNotPermitted(e -> timer("not_permitted", "circuit_open").record(Duration.ZERO));
    }

    static String status(Throwable t) {
        String message = t == null ? null : t.getMessage();
        if (message == null) {
            return "other";
        }
        if (message.contains("unreachable")) {
            return "unreachable";
        }
        Matcher m = HTTP_STATUS.matcher(message);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : "other";
    }

    private Timer timer(String outcome, String status) {
        return Timer.builder(MetricNames.KIS_CALLS).description("calls to KIS (each attempt) by outcome and status")
                .tag("operation", "upload").tag("outcome", outcome).tag("status", status)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofSeconds(120)).register(registry);
    }
}
