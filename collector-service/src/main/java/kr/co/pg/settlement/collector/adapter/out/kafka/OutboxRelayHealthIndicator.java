package kr.co.pg.settlement.collector.adapter.out.kafka;

import java.time.Clock;
import java.time.Duration;
import kr.co.pg.settlement.outbox.OutboxRelayStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health {@code outboxRelay}, part of the readiness group: UP when this instance relays (active, connector running)
 * or stands by (a replica waiting for the lock is healthy); DOWN when the relay is not started/stopped or is active
 * but restarting its connector after a failure (Kafka or the binlog unreachable) - events of this instance's runs
 * would not leave. UP with {@code relay: disabled} when the relay is switched off.
 */
@Component("outboxRelayHealthIndicator")
record OutboxRelayHealthIndicator(OutboxRelayProbe probe, Clock clock) implements HealthIndicator {

    @Override
    public Health health() {
        if (!probe.enabled()) {
            return Health.up().withDetail("relay", "disabled (settlement.outbox.relay-enabled=false)").build();
        }
        OutboxRelayStatus s = probe.status().orElse(null);
        if (s == null) {
            return Health.down().withDetail("relay", "not running (starting or stopped)").build();
        }
        if (!s.active()) {
            return Health.up().withDetail("role", "standby").withDetail("activations", s.activations()).build();
        }
        Health.Builder health = s.running() ? Health.up() : Health.down()
                .withDetail("reason", "active but its connector is restarting after a failure: check Kafka and the"
                        + " MariaDB binlog (this instance's log says why)");
        health.withDetail("role", "active")
                .withDetail("activeSince", String.valueOf(s.activeSince()))
                .withDetail("lastRelayedId", s.lastRelayedId())
                .withDetail("relayedCount", s.relayedCount())
                .withDetail("binlogPosition", String.valueOf(s.binlogPosition()));
        if (s.lastRelayedAt() != null) {
            health.withDetail("lastRelayedAt", s.lastRelayedAt().toString())
                    .withDetail("secondsSinceLastRelayed",
                            Duration.between(s.lastRelayedAt(), clock.instant()).toSeconds());
        }
        return health.build();
    }
}
