package kr.co.pg.settlement.gateway.config.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.kit.kafka.KafkaClusterProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** The records kept on the gateway's dead-letter topic, read by a thread of its own every refresh interval (30 s). */
@Component
class GatewayMetrics implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GatewayMetrics.class);
    private final KafkaClusterProbe kafka;
    private final Duration interval;
    private volatile double deadLetters = Double.NaN;
    private volatile boolean lastRefreshFailed;
    private ScheduledExecutorService executor;

    GatewayMetrics(KafkaClusterProbe kafka, MeterRegistry registry,
                   @Value("${settlement.metrics.refresh-interval:PT30S}") Duration interval) {
        this.kafka = kafka;
        this.interval = interval;
        Gauge.builder(MetricNames.DLT_RECORDS, this, m -> m.deadLetters).tag("topic", Topics.DLT_GATEWAY)
                .description("records kept on the dead-letter topic").register(registry);
    }

    void refresh() {
        try {
            deadLetters = kafka.retainedRecords(Topics.DLT_GATEWAY);
            lastRefreshFailed = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!lastRefreshFailed) {
                log.warn("metrics refresh failed ({}); settlement_dlt_records keeps its last value until Kafka answers",
                        String.valueOf(e));
                lastRefreshFailed = true;
            }
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gateway-metrics");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
