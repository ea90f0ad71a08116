package kr.co.pg.settlement.kit.kis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The status label of a failed KIS call, read from the messages the KIS adapters raise; and the timer it feeds. */
class KisCallTimerTest {

    @Test
    void statusComesFromTheAdaptersMessages() {
        assertThat(KisCallTimer.status(new IllegalStateException("KIS 503 unavailable: down"))).isEqualTo("503");
        assertThat(KisCallTimer.status(new IllegalStateException("KIS 429 rate limited, waited Retry-After PT1S")))
                .isEqualTo("429");
        assertThat(KisCallTimer.status(new IllegalStateException("KIS unreachable: Connection refused")))
                .isEqualTo("unreachable");
        assertThat(KisCallTimer.status(new IllegalStateException("unexpected KIS answer 500: oops"))).isEqualTo("500");
        assertThat(KisCallTimer.status(new IllegalStateException("KIS 404 E301 for receipt R1"))).isEqualTo("404");
        assertThat(KisCallTimer.status(new IllegalStateException("KIS 401 E201: bad signature"))).isEqualTo("401");
        assertThat(KisCallTimer.status(new IllegalStateException("checksum mismatch downloading receipt X:"
                + " X-KIS-Content-SHA256 a, bytes hash to b"))).isEqualTo("other");
        assertThat(KisCallTimer.status(new IllegalStateException())).isEqualTo("other");
    }

    @Test
    void eachCallThroughTheBreakerIsTimedByOutcomeAndStatus() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CircuitBreaker breaker = CircuitBreaker.ofDefaults("kis");
        new KisCallTimer(breaker, registry, "upload");

        breaker.executeSupplier(() -> "ok");
        Supplier<String> failing = () -> {
            throw new IllegalStateException("KIS 503 unavailable: down");
        };
        try {
            breaker.executeSupplier(failing);
        } catch (IllegalStateException expected) {
            // the breaker passes the failure on after timing it
        }

        assertThat(registry.get(KisCallTimer.KIS_CALLS).tags("operation", "upload", "outcome", "success", "status", "final")
                .timer().count()).isEqualTo(1);
        assertThat(registry.get(KisCallTimer.KIS_CALLS).tags("operation", "upload", "outcome", "error", "status", "503")
                .timer().count()).isEqualTo(1);
    }
}
