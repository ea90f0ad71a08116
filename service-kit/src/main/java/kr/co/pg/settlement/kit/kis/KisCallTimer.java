package kr.co.pg.settlement.kit.kis;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times every KIS call as a circuit breaker sees it (each retry attempt is one call), as the timer
 * {@value #KIS_CALLS} tagged {@code operation}, {@code outcome} (success | error | not_permitted) and {@code status}:
 * the adapter's outcome arrives as the breaker's events, so no call site changes. Errors are tagged with the HTTP
 * status their exception reports ("KIS 503 unavailable", "KIS 429 rate limited", "KIS 401 ...").
 */
public final class KisCallTimer {

    public static final String KIS_CALLS = "settlement.kis.calls";
    private static final Pattern HTTP_STATUS = Pattern.compile("KIS (\\d{3})\\b|answer (\\d{3})\\b");
    private final MeterRegistry registry;
    private final String operation;

    /** Starts timing the calls through {@code breaker}, tagged {@code operation} (upload, poll, ...). */
    public KisCallTimer(CircuitBreaker breaker, MeterRegistry registry, String operation) {
        this.registry = registry;
        this.operation = operation;
        breaker.getEventPublisher()
                .onSuccess(e -> timer("success", "final").record(e.getElapsedDuration()))
                .onIgnoredError(e -> timer("success", "final").record(e.getElapsedDuration()))
                .onError(e -> timer("error", status(e.getThrowable())).record(e.getElapsedDuration()))
                .onCallNotPermitted(e -> timer("not_permitted", "circuit_open").record(Duration.ZERO));
    }

    /** The status label of a failed call: the HTTP status its message names, "unreachable" or "other". */
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
        return Timer.builder(KIS_CALLS).description("calls to KIS (each attempt) by outcome and status")
                .tag("operation", operation).tag("outcome", outcome).tag("status", status)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofSeconds(120)).register(registry);
    }
}
