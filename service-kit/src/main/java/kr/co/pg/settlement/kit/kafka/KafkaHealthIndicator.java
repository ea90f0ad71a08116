package kr.co.pg.settlement.kit.kafka;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Health {@code kafka}: the cluster answers describeCluster within 3 s (part of the readiness group). */
class KafkaHealthIndicator implements HealthIndicator {

    static final Duration TIMEOUT = Duration.ofSeconds(3);
    private final KafkaClusterProbe probe;

    KafkaHealthIndicator(KafkaClusterProbe probe) {
        this.probe = probe;
    }

    @Override
    public Health health() {
        try {
            KafkaClusterProbe.ClusterInfo info = probe.describe(TIMEOUT);
            return Health.up().withDetail("clusterId", info.clusterId()).withDetail("brokers", info.brokers())
                    .withDetail("controller", info.controller()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        } catch (Exception e) {
            return Health.down().withDetail("reason", "no answer to describeCluster within " + TIMEOUT.toSeconds()
                    + " s: check spring.kafka.bootstrap-servers (KAFKA_BOOTSTRAP_SERVERS) and the brokers")
                    .withDetail("error", String.valueOf(e)).build();
        }
    }
}
