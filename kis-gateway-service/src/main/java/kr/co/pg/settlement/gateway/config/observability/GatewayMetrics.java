package kr.co.pg.settlement.gateway.config.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.kit.kafka.KafkaClusterProbe;
import kr.co.pg.settlement.kit.metrics.PeriodicRefresh;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The records kept on the gateway's dead-letter topic, read by a thread of its own every refresh interval (30 s). */
@Component
class GatewayMetrics extends PeriodicRefresh {

    private static final Logger log = LoggerFactory.getLogger(GatewayMetrics.class);
    private final KafkaClusterProbe kafka;
    private volatile double deadLetters = Double.NaN;
    private volatile boolean lastRefreshFailed;

    GatewayMetrics(KafkaClusterProbe kafka, MeterRegistry registry,
                   @Value("${settlement.metrics.refresh-interval:PT30S}") Duration interval) {
        super("gateway-metrics", interval);
        this.kafka = kafka;
        Gauge.builder(MetricNames.DLT_RECORDS, this, m -> m.deadLetters).tag("topic", Topics.DLT_GATEWAY)
                .description("records kept on the dead-letter topic").register(registry);
    }

    @Override
    protected void refresh() {
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
}
