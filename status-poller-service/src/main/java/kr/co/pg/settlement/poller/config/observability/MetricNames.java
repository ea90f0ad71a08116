package kr.co.pg.settlement.poller.config.observability;

import java.util.List;
import kr.co.pg.settlement.kit.kis.KisCallTimer;
import kr.co.pg.settlement.kit.metrics.DeadLetterGauges;

/**
 * Every meter the poller registers itself (Micrometer names; on /actuator/prometheus dots become underscores, a
 * timer adds {@code _seconds_count}, {@code _seconds_sum}, {@code _seconds_max} and {@code _seconds_bucket}).
 * The dashboard and alert rules of infra/observability may use only these and the standard meters (jvm_, http_,
 * kafka_, resilience4j_, hikaricp_, process_): deploy-check's ObservabilityFilesTest reads these constants,
 * PollerPrometheusTest scrapes a started poller for them.
 */
public final class MetricNames {

    /** Timer: one call to KIS (status or download, one attempt as the circuit breaker sees it), by {@code outcome}
     * (success | error | not_permitted) and {@code status} (final, or the HTTP status of a transient answer,
     * unreachable, other); with a latency histogram. */
    public static final String KIS_CALLS = KisCallTimer.KIS_CALLS;
    /** Gauge: receipts KIS accepted whose result is not yet published, by {@code file_type} (R1 | S1). */
    public static final String RECEIPTS_PENDING = "settlement.receipts.pending";
    /** Gauge: age of the oldest pending receipt (since KIS accepted the file), by {@code file_type}, seconds. */
    public static final String RECEIPTS_OLDEST_AGE = "settlement.receipts.pending.oldest.age.seconds";
    /** Gauge: records on the service's dead-letter topic (end minus start offsets), by {@code topic}. */
    public static final String DLT_RECORDS = DeadLetterGauges.DLT_RECORDS;

    public static List<String> all() {
        return List.of(KIS_CALLS, RECEIPTS_PENDING, RECEIPTS_OLDEST_AGE, DLT_RECORDS);
    }

    private MetricNames() {
    }
}
