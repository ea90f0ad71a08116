package kr.co.pg.settlement.simulator.application;

import java.time.Clock;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import kr.co.pg.settlement.simulator.domain.FaultSettings;

/** The faults in force (switchable at runtime) and the per-request ones: 503 share / next N, 429 above a rate. */
public final class FaultControl {

    /** A request-level refusal: HTTP status, error code (null for a bare 503/504), Retry-After seconds or 0. */
    public record Refusal(int status, String code, String message, int retryAfterSeconds) {
    }

    private final AtomicReference<FaultSettings> current;
    private final FaultSettings initial;
    private final Clock clock;
    private final AtomicInteger unavailableNext = new AtomicInteger();
    private Random random;
    private long windowSecond = -1;
    private int windowCount;

    public FaultControl(FaultSettings initial, Clock clock) {
        this.initial = initial;
        this.current = new AtomicReference<>(initial);
        this.clock = clock;
        apply(initial);
    }

    public FaultSettings current() {
        return current.get();
    }

    /** Replaces the settings; unavailableNext restarts its count and the random sequence restarts from the seed. */
    public synchronized void set(FaultSettings settings) {
        current.set(settings);
        apply(settings);
    }

    public void reset() {
        set(initial);
    }

    private synchronized void apply(FaultSettings settings) {
        unavailableNext.set(settings.unavailableNext());
        random = new Random(settings.seed());
    }

    /** Decides for one /v1 request. */
    public synchronized Optional<Refusal> admit() {
        FaultSettings f = current.get();
        if (f.rateLimitPerSecond() > 0) {
            long second = clock.millis() / 1000;
            if (second != windowSecond) {
                windowSecond = second;
                windowCount = 0;
            }
            if (++windowCount > f.rateLimitPerSecond()) {
                return Optional.of(new Refusal(429, "K429", "more than " + f.rateLimitPerSecond()
                        + " requests per second: retry after " + f.retryAfterSeconds() + " s", f.retryAfterSeconds()));
            }
        }
        if (unavailableNext.get() > 0 && unavailableNext.getAndDecrement() > 0) {
            return Optional.of(new Refusal(f.unavailableStatus(), null, "simulated outage", 0));
        }
        if (f.unavailableShare() > 0 && random.nextDouble() < f.unavailableShare()) {
            return Optional.of(new Refusal(f.unavailableStatus(), null, "simulated outage", 0));
        }
        return Optional.empty();
    }
}
