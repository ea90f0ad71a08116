package kr.co.pg.settlement.kit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PeriodicRefreshTest {

    static final class Counting extends PeriodicRefresh {
        final AtomicInteger runs = new AtomicInteger();
        final AtomicReference<String> thread = new AtomicReference<>();

        Counting(Duration interval) {
            super("test-metrics", interval);
        }

        @Override
        protected void refresh() {
            thread.set(Thread.currentThread().getName());
            runs.incrementAndGet();
        }
    }

    @Test
    void refreshesAtStartAndEveryIntervalOnItsOwnThreadUntilStopped() {
        Counting metrics = new Counting(Duration.ofMillis(20));
        assertThat(metrics.isRunning()).isFalse();
        metrics.start();
        try {
            assertThat(metrics.isRunning()).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> metrics.runs.get() >= 3);
            assertThat(metrics.thread.get()).isEqualTo("test-metrics");
        } finally {
            metrics.stop();
        }
        assertThat(metrics.isRunning()).isFalse();
    }

    @Test
    void aZeroIntervalIsAConfigurationError() {
        assertThatThrownBy(() -> new Counting(Duration.ZERO)).hasMessageContaining("settlement.metrics.refresh-interval");
    }
}
