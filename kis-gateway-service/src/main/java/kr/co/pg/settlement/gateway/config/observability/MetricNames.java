package kr.co.pg.settlement.gateway.config.observability;

import java.util.List;
import kr.co.pg.settlement.kit.kis.KisCallTimer;
import kr.co.pg.settlement.kit.metrics.DeadLetterGauges;

/**
 * Every meter the gateway registers itself (Micrometer names; on /actuator/prometheus dots become underscores, a
 * timer adds {@code _seconds_count}, {@code _seconds_sum}, {@code _seconds_max} and {@code _seconds_bucket}).
 * The dashboard and alert rules of infra/observability may use only these and the standard meters (jvm_, http_,
 * kafka_, resilience4j_, process_): deploy-check's ObservabilityFilesTest reads these constants,
 * GatewayPrometheusTest scrapes a started gateway for them.
 */
public final class MetricNames {

    /** Timer: one call to KIS (one attempt, as the circuit breaker sees it), by {@code outcome} (success | error |
     * not_permitted) and {@code status} (final: KIS answered for good; else the HTTP status of a transient answer,
     * unreachable, or other); with a latency histogram. */
    public static final String KIS_CALLS = KisCallTimer.KIS_CALLS;
    /** Gauge: records on the service's dead-letter topic (end minus start offsets), by {@code topic}. */
    public static final String DLT_RECORDS = DeadLetterGauges.DLT_RECORDS;

    public static List<String> all() {
        return List.of(KIS_CALLS, DLT_RECORDS);
    }

    private MetricNames() {
    }
}
