package kr.co.pg.settlement.collector.config.observability;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.co.pg.settlement.collector.adapter.out.kafka.OutboxRelayProbe;
import kr.co.pg.settlement.collector.adapter.out.persistence.CollectorMetricsQueries;
import kr.co.pg.settlement.collector.adapter.out.persistence.CollectorMetricsQueries.FileRows;
import kr.co.pg.settlement.collector.adapter.out.persistence.CollectorMetricsQueries.JobRun;
import kr.co.pg.settlement.collector.adapter.out.persistence.CollectorMetricsQueries.OutboxBacklog;
import kr.co.pg.settlement.collector.adapter.out.persistence.CollectorMetricsQueries.RecentFile;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.events.status.DiffStatus;
import kr.co.pg.settlement.events.status.JobRunStatus;
import kr.co.pg.settlement.events.status.KisRegStatus;
import kr.co.pg.settlement.kit.kafka.KafkaClusterProbe;
import kr.co.pg.settlement.kit.metrics.DeadLetterGauges;
import kr.co.pg.settlement.outbox.OutboxRelayStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The collector's own meters ({@link MetricNames}). Database figures are read by one thread of its own every
 * {@code settlement.metrics.refresh-interval} (default 30 s; never on the scrape, never on the application's
 * scheduler) with the bounded queries of {@link CollectorMetricsQueries}: files of the latest
 * {@code settlement.metrics.business-dates} (3) business dates that have files, and the request rows of those files
 * that still have a row in flight (a file whose rows are all final is counted once). Relay state is read live.
 */
@Component
class CollectorMetrics extends DeadLetterGauges {

    private final CollectorMetricsQueries queries;
    private final OutboxRelayProbe relay;
    private final Clock clock;
    private final int businessDates;
    private final Duration stuckAfter;

    private final MultiGauge rows;
    private final MultiGauge files;
    private final MultiGauge jobSeconds;
    private final MultiGauge jobRunning;
    private final MultiGauge jobLastDone;
    private volatile double stuckSubMerchants;
    private volatile double stuckTransactions;
    private volatile double outboxRows;
    private volatile double outboxOldestAge;
    private volatile double relayBacklog;
    private volatile double relayLag;
    /** Row counts of files whose rows are all final: they cannot change any more (refresh thread only). */
    private final Map<String, Map<String, Long>> finishedFileRows = new HashMap<>();
    private static final Set<String> FINAL_SETTLEMENT = Set.of(DiffStatus.SETTLED.name(), DiffStatus.REJECTED.name());
    private static final Set<String> FINAL_REGISTRATION = Set.of(KisRegStatus.REGISTERED.name(),
            KisRegStatus.REJECTED.name());

    CollectorMetrics(CollectorMetricsQueries queries, OutboxRelayProbe relay, KafkaClusterProbe kafka, Clock clock,
                     MeterRegistry registry,
                     @Value("${settlement.metrics.refresh-interval:PT30S}") Duration interval,
                     @Value("${settlement.metrics.business-dates:3}") int businessDates,
                     @Value("${settlement.report.stuck-after:PT2H}") Duration stuckAfter) {
        super("collector-metrics", interval, kafka, Topics.DLT_COLLECTOR, registry);
        this.queries = queries;
        this.relay = relay;
        this.clock = clock;
        this.businessDates = businessDates;
        this.stuckAfter = stuckAfter;
        rows = MultiGauge.builder(MetricNames.ROWS).description("request rows by flow, status and business date"
                + " (latest business dates with files)").register(registry);
        files = MultiGauge.builder(MetricNames.FILES).description("KIS files by type, status and business date")
                .register(registry);
        jobSeconds = MultiGauge.builder(MetricNames.JOB_RUN_SECONDS).description("duration of the latest run of the"
                + " job (a running run: so far)").baseUnit("seconds").register(registry);
        jobRunning = MultiGauge.builder(MetricNames.JOB_RUNNING).description("1 while the latest run of the job runs")
                .register(registry);
        jobLastDone = MultiGauge.builder(MetricNames.JOB_LAST_DONE).description("when the latest DONE run of the job"
                + " finished (epoch seconds)").register(registry);
        Gauge.builder(MetricNames.ROWS_STUCK, this, m -> m.stuckSubMerchants).tag("flow", "registration")
                .description("in-flight rows unchanged for longer than settlement.report.stuck-after").register(registry);
        Gauge.builder(MetricNames.ROWS_STUCK, this, m -> m.stuckTransactions).tag("flow", "settlement")
                .description("in-flight rows unchanged for longer than settlement.report.stuck-after").register(registry);
        Gauge.builder(MetricNames.OUTBOX_ROWS, this, m -> m.outboxRows).description("rows in outbox_event")
                .register(registry);
        Gauge.builder(MetricNames.OUTBOX_OLDEST_AGE, this, m -> m.outboxOldestAge)
                .description("age of the oldest outbox_event row").register(registry);
        Gauge.builder(MetricNames.RELAY_ACTIVE, this, m -> m.relayStatus(s -> s.active() ? 1 : 0))
                .description("1 when this instance relays the outbox").register(registry);
        Gauge.builder(MetricNames.RELAY_UP, this, m -> m.relayUp())
                .description("1 when this instance's relay is relaying or a healthy standby").register(registry);
        Gauge.builder(MetricNames.RELAY_BACKLOG, this, m -> m.relayBacklog)
                .description("outbox rows not yet relayed (active instance)").register(registry);
        Gauge.builder(MetricNames.RELAY_LAG, this, m -> m.relayLag)
                .description("age of the oldest outbox row not yet relayed (active instance)").register(registry);
        FunctionCounter.builder(MetricNames.RELAY_RELAYED, this, m -> m.relayStatus(OutboxRelayStatus::relayedCount))
                .description("outbox rows Kafka acknowledged from this instance").register(registry);
    }

    private double relayStatus(java.util.function.ToDoubleFunction<OutboxRelayStatus> f) {
        return relay.status().map(f::applyAsDouble).orElse(0.0);
    }

    private double relayUp() {
        if (!relay.enabled()) {
            return 1;
        }
        return relay.status().map(s -> !s.active() || s.running() ? 1.0 : 0.0).orElse(0.0);
    }

    /** The database and relay figures (the kit adds the dead-letter topic's); a failure keeps the previous values. */
    @Override
    protected void readGauges() {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate from = queries.oldestOfLatestBusinessDates(businessDates);
        List<RecentFile> recent = from == null ? List.of() : queries.recentFiles(from);
        refreshFilesAndRows(recent);
        stuckSubMerchants = queries.stuckSubMerchants(now.minus(stuckAfter));
        stuckTransactions = queries.stuckTransactions(now.minus(stuckAfter));
        List<MultiGauge.Row<?>> seconds = new ArrayList<>();
        List<MultiGauge.Row<?>> running = new ArrayList<>();
        List<MultiGauge.Row<?>> lastDone = new ArrayList<>();
        for (JobRun run : queries.latestJobRuns()) {
            Tags job = Tags.of("job", run.job());
            LocalDateTime end = run.finishedAt() != null ? run.finishedAt() : now;
            seconds.add(MultiGauge.Row.of(job, Duration.between(run.startedAt(), end).toMillis() / 1000.0));
            running.add(MultiGauge.Row.of(job, JobRunStatus.RUNNING.name().equals(run.status()) ? 1 : 0));
            if (run.lastDoneAt() != null) {
                lastDone.add(MultiGauge.Row.of(job, run.lastDoneAt().atZone(clock.getZone()).toEpochSecond()));
            }
        }
        jobSeconds.register(seconds, true);
        jobRunning.register(running, true);
        jobLastDone.register(lastDone, true);
        OutboxBacklog outbox = queries.outbox();
        outboxRows = outbox.rows();
        outboxOldestAge = ageSeconds(outbox.oldestCreatedAt(), now);
        refreshRelayBacklog(now);
    }

    /**
     * Files by state, and request rows by state: a file's rows are counted again only while one of them is in flight;
     * once all are final (settled/registered/rejected) its counts are kept until the file leaves the recent dates.
     */
    private void refreshFilesAndRows(List<RecentFile> recent) {
        Map<Tags, Long> fileCounts = new HashMap<>();
        Set<String> recentIds = new HashSet<>();
        for (RecentFile f : recent) {
            recentIds.add(f.fileId());
            fileCounts.merge(Tags.of("file_type", f.fileType(), "status", f.status(), "business_date",
                    f.businessDate().toString()), 1L, Long::sum);
        }
        finishedFileRows.keySet().retainAll(recentIds);
        Map<String, Map<String, Long>> rowsByFile = new HashMap<>(finishedFileRows);
        for (String type : List.of("R1", "S1")) {
            List<String> open = recent.stream().filter(f -> f.fileType().equals(type)
                    && !finishedFileRows.containsKey(f.fileId())).map(RecentFile::fileId).toList();
            Map<String, Map<String, Long>> counted = new HashMap<>();
            for (FileRows r : queries.rowsOfFiles(type, open)) {
                counted.computeIfAbsent(r.fileId(), id -> new HashMap<>()).put(r.status(), r.count());
            }
            Set<String> finalStatuses = type.equals("R1") ? FINAL_REGISTRATION : FINAL_SETTLEMENT;
            counted.forEach((fileId, byStatus) -> {
                rowsByFile.put(fileId, byStatus);
                if (finalStatuses.containsAll(byStatus.keySet())) {
                    finishedFileRows.put(fileId, byStatus);
                }
            });
        }
        Map<Tags, Long> rowCounts = new HashMap<>();
        for (RecentFile f : recent) {
            String flow = f.fileType().equals("R1") ? "registration" : "settlement";
            rowsByFile.getOrDefault(f.fileId(), Map.of()).forEach((status, n) -> rowCounts.merge(Tags.of("flow", flow,
                    "status", status, "business_date", f.businessDate().toString()), n, Long::sum));
        }
        files.register(fileCounts.entrySet().stream().map(e -> MultiGauge.Row.of(e.getKey(), e.getValue())).toList(),
                true);
        rows.register(rowCounts.entrySet().stream().map(e -> MultiGauge.Row.of(e.getKey(), e.getValue())).toList(),
                true);
    }

    private void refreshRelayBacklog(LocalDateTime now) {
        OutboxRelayStatus s = relay.status().orElse(null);
        if (s == null || !s.active()) {
            relayBacklog = 0;
            relayLag = 0;
            return;
        }
        // before its first batch an instance knows no relayed id: count only rows written since it became active
        LocalDateTime since = s.lastRelayedId() > 0 || s.activeSince() == null ? null
                : LocalDateTime.ofInstant(s.activeSince(), clock.getZone());
        OutboxBacklog backlog = queries.outboxAfter(s.lastRelayedId(), since);
        relayBacklog = backlog.rows();
        relayLag = ageSeconds(backlog.oldestCreatedAt(), now);
    }

    private static double ageSeconds(LocalDateTime since, LocalDateTime now) {
        return since == null ? 0 : Math.max(0, Duration.between(since, now).toMillis() / 1000.0);
    }
}
