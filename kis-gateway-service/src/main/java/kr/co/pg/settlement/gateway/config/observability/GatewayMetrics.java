package kr.co.pg.settlement.gateway.config.observability;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.kit.kafka.KafkaClusterProbe;
import kr.co.pg.settlement.kit.metrics.DeadLetterGauges;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The records kept on the gateway's dead-letter topic, read by a thread of its own every refresh interval (30 s). */
@Component
class GatewayMetrics extends DeadLetterGauges {

    GatewayMetrics(KafkaClusterProbe kafka, MeterRegistry registry,
                   @Value("${settlement.metrics.refresh-interval:PT30S}") Duration interval) {
        super("gateway-metrics", interval, kafka, Topics.DLT_GATEWAY, registry);
    }
}
