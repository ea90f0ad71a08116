package kr.co.pg.settlement.collector.config.observability;

import java.util.List;

/**
 * Every meter the collector registers itself (Micrometer names). On /actuator/prometheus a name appears with its
 * dots as underscores; counters add {@code _total}. The dashboard and the alert rules of infra/observability may
 * use only these (and the standard jvm_, http_, kafka_, hikaricp_, process_ meters): deploy-check's
 * ObservabilityFilesTest reads this class's constants, CollectorPrometheusTest scrapes a started collector for them.
 */
public final class MetricNames {

    /** Gauge: request rows by {@code flow} (registration|settlement), {@code status} and {@code business_date}. */
    public static final String ROWS = "settlement.rows";
    /** Gauge: rows in flight (REQUESTED/SENT sub-merchants, COLLECTED/SENT transactions) unchanged for longer than
     * settlement.report.stuck-after, by {@code flow}; the day report's "stuck rows". */
    public static final String ROWS_STUCK = "settlement.rows.stuck";
    /** Gauge: KIS files by {@code file_type}, {@code status} and {@code business_date}. */
    public static final String FILES = "settlement.files";
    /** Gauge: duration of the latest run of a {@code job} (finished - started; a running run: so far), seconds. */
    public static final String JOB_RUN_SECONDS = "settlement.job.run.seconds";
    /** Gauge: 1 while the latest run of a {@code job} is RUNNING, else 0. */
    public static final String JOB_RUNNING = "settlement.job.running";
    /** Gauge: when the latest DONE run of a {@code job} finished, epoch seconds. */
    public static final String JOB_LAST_DONE = "settlement.job.last.done.timestamp.seconds";
    /** Gauge: rows in outbox_event (relayed rows are deleted by the cleaner; the rest is the backlog). */
    public static final String OUTBOX_ROWS = "settlement.outbox.rows";
    /** Gauge: age of the oldest outbox_event row, seconds (0 when empty). */
    public static final String OUTBOX_OLDEST_AGE = "settlement.outbox.oldest.age.seconds";
    /** Gauge: 1 when this instance's relay holds the lock and relays, 0 on a standby or when stopped. */
    public static final String RELAY_ACTIVE = "settlement.outbox.relay.active";
    /** Gauge: 1 when this instance's relay runs its connector (active) or waits as a healthy standby. */
    public static final String RELAY_UP = "settlement.outbox.relay.up";
    /** Gauge: on the active instance, outbox rows above the last id Kafka acknowledged (0 on a standby). */
    public static final String RELAY_BACKLOG = "settlement.outbox.relay.backlog";
    /** Gauge: on the active instance, age of the oldest outbox row not yet relayed, seconds (0 on a standby). */
    public static final String RELAY_LAG = "settlement.outbox.relay.lag.seconds";
    /** Counter: rows Kafka acknowledged from this instance's relay. */
    public static final String RELAY_RELAYED = "settlement.outbox.relay.relayed";
    /** Gauge: records on the service's dead-letter topic (end minus start offsets), by {@code topic}. */
    public static final String DLT_RECORDS = "settlement.dlt.records";

    public static List<String> all() {
        return List.of(ROWS, ROWS_STUCK, FILES, JOB_RUN_SECONDS, JOB_RUNNING, JOB_LAST_DONE, OUTBOX_ROWS,
                OUTBOX_OLDEST_AGE, RELAY_ACTIVE, RELAY_UP, RELAY_BACKLOG, RELAY_LAG, RELAY_RELAYED, DLT_RECORDS);
    }

    private MetricNames() {
    }
}
