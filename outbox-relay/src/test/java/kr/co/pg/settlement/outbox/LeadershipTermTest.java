package kr.co.pg.settlement.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeadershipTermTest {

    @Test
    void aLostLockIsReportedOnceAndNotAfterAnOrdinaryEnd() {
        LeadershipTerm lost = new LeadershipTerm(null);
        assertThat(lost.endAsLost()).isTrue();
        assertThat(lost.endAsLost()).isFalse();
        assertThat(lost.isOver()).isTrue();
        assertThat(lost.wasLost()).isTrue();

        LeadershipTerm closed = new LeadershipTerm(null);
        closed.end();
        assertThat(closed.endAsLost()).isFalse();
        assertThat(closed.wasLost()).isFalse();
    }

    @Test
    void waitsEndAtOnceOnceTheSignalIsSet() {
        LeadershipTerm term = new LeadershipTerm(null);
        assertThat(term.awaitEnd(Duration.ofMillis(1))).isFalse();
        term.end();
        assertThat(term.awaitEnd(Duration.ofHours(1))).isTrue();

        Signal signal = new Signal();
        assertThat(signal.await(Duration.ofMillis(1))).isFalse();
        signal.set();
        assertThat(signal.isSet()).isTrue();
        assertThat(signal.await(Duration.ofHours(1))).isTrue();
    }

    @Test
    void withoutATermTheRelayerIsNotConfirmedAndAClosedLeadershipStaysClosed() {
        Leadership leadership = new Leadership(new OutboxRelayConfig("db.local", 3306, "relay", "pw", "settlement",
                "outbox_event", 101, "collector-outbox", 200, Duration.ofMillis(100), Duration.ofSeconds(5)),
                "host/pid 1");

        assertThat(leadership.isActive()).isFalse();
        assertThat(leadership.confirm()).isFalse();
        assertThat(leadership.activeSince()).isNull();
        assertThat(leadership.activations()).isZero();
        leadership.close();
        assertThat(leadership.isClosed()).isTrue();
        assertThat(leadership.activations()).isZero();
        leadership.stopLockChecks();
    }
}
