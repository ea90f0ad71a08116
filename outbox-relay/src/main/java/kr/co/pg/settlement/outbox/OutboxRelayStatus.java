package kr.co.pg.settlement.outbox;

import java.time.Instant;

/**
 * What one relay instance is doing, for health checks and logs (read-only snapshot).
 *
 * @param active         this instance holds the relay lock and relays; false on a standby
 * @param running        the connector task runs (false while active but restarting after a failure)
 * @param activeSince    when this instance last became active; null while standing by
 * @param activations    how often this instance became active (a takeover counts one)
 * @param lastRelayedAt  when Kafka last acknowledged rows sent by this instance; null if none yet
 * @param lastRelayedId  highest outbox id Kafka acknowledged from this instance; 0 if none yet
 * @param relayedCount   rows Kafka acknowledged from this instance (a row re-sent after a restart counts again)
 * @param binlogPosition binlog {@code file:position} of the last change this instance handled; null if none yet
 */
public record OutboxRelayStatus(boolean active, boolean running, Instant activeSince, long activations,
                                Instant lastRelayedAt, long lastRelayedId, long relayedCount, String binlogPosition) {
}
