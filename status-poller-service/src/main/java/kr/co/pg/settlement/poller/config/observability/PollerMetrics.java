package kr.co.pg.settlement.poller.config.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.kit.kafka.KafkaClusterProbe;
import kr.co.pg.settlement.kit.metrics.DeadLetterGauges;
import kr.co.pg.settlement.poller.adapter.out.persistence.PollerMetricsQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Pending receipts and the age of the oldest per file type, and the records on the poller's dead-letter topic, read
 * by a thread of its own every {@code settlement.metrics.refresh-interval} (30 s), never on the scrape.
 */
@Component
class PollerMetrics extends DeadLetterGauges {

    /** The request file types a receipt can be for: both always exported (0 when none is pending). */
    private static final List<String> FILE_TYPES = List.of("R1", "S1");

    private final PollerMetricsQueries queries;
    private final Clock clock;
    private volatile Map<String, PollerMetricsQueries.Pending> pending = Map.of();

    PollerMetrics(PollerMetricsQueries queries, KafkaClusterProbe kafka, Clock clock, MeterRegistry registry,
                  @Value("${settlement.metrics.refresh-interval:PT30S}") Duration interval) {
        super("poller-metrics", interval, kafka, Topics.DLT_POLLER, registry);
        this.queries = queries;
        this.clock = clock;
        for (String type : FILE_TYPES) {
            Gauge.builder(MetricNames.RECEIPTS_PENDING, this, m -> m.receipts(type)).tag("file_type", type)
                    .description("receipts whose result is not yet published").register(registry);
            Gauge.builder(MetricNames.RECEIPTS_OLDEST_AGE, this, m -> m.oldestAgeSeconds(type)).tag("file_type", type)
                    .description("age of the oldest pending receipt").register(registry);
        }
    }

    private double receipts(String type) {
        PollerMetricsQueries.Pending p = pending.get(type);
        return p == null ? 0 : p.receipts();
    }

    /** Measured at the scrape from the last refresh's oldest submission time. */
    private double oldestAgeSeconds(String type) {
        PollerMetricsQueries.Pending p = pending.get(type);
        return p == null || p.oldestSubmittedAt() == null ? 0
                : Math.max(0, Duration.between(p.oldestSubmittedAt(), LocalDateTime.now(clock)).toMillis() / 1000.0);
    }

    @Override
    protected void readGauges() {
        Map<String, PollerMetricsQueries.Pending> byType = new ConcurrentHashMap<>();
        queries.pendingReceipts().forEach(p -> byType.put(p.fileType(), p));
        pending = byType;
    }
}
