package kr.co.pg.settlement.collector.adapter.out.kafka;

import java.util.Optional;
import kr.co.pg.settlement.outbox.OutboxRelayStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Read-only view of this instance's outbox relay for health and metrics (the relay may be switched off). */
@Component
public class OutboxRelayProbe {

    private final ObjectProvider<OutboxRelayLifecycle> relay;

    OutboxRelayProbe(ObjectProvider<OutboxRelayLifecycle> relay) {
        this.relay = relay;
    }

    /** False with settlement.outbox.relay-enabled=false (tests, or a collector that must never relay). */
    public boolean enabled() {
        return relay.getIfAvailable() != null;
    }

    /** The relay's state; empty when it is switched off, not started yet or stopped. */
    public Optional<OutboxRelayStatus> status() {
        OutboxRelayLifecycle lifecycle = relay.getIfAvailable();
        return lifecycle == null ? Optional.empty() : Optional.ofNullable(lifecycle.relayStatus());
    }
}
