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
    void waitsEndAtOnceOnceTheTermOrTheRelayEnds() {
        LeadershipTerm term = new LeadershipTerm(null);
        assertThat(term.awaitEnd(Duration.ofMillis(1))).isFalse();
        term.end();
        assertThat(term.awaitEnd(Duration.ofHours(1))).isTrue();

        CloseSignal close = new CloseSignal();
        assertThat(close.await(Duration.ofMillis(1))).isFalse();
        close.request();
        assertThat(close.isRequested()).isTrue();
        assertThat(close.await(Duration.ofHours(1))).isTrue();
    }

    @Test
    void withoutATermTheRelayerIsNotConfirmed() {
        Leadership leadership = new Leadership("relay", "host/pid 1", new CloseSignal());

        assertThat(leadership.isActive()).isFalse();
        assertThat(leadership.confirm()).isFalse();
        assertThat(leadership.activeSince()).isNull();
        assertThat(leadership.activations()).isZero();
        leadership.endCurrent();
    }
}
