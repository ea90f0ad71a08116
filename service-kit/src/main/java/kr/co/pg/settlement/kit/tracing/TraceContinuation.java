package kr.co.pg.settlement.kit.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import java.util.Objects;

/**
 * Runs work picked up later (a receipt polled minutes after its FileSubmitted) in the trace it was recorded in: a span
 * whose parent is the stored {@value Traceparents#HEADER}, or a new trace when none was stored.
 */
public final class TraceContinuation {

    /** Without tracing (tests): runs the work as it is. */
    public static final TraceContinuation NONE = new TraceContinuation(ObservationRegistry.NOOP);

    private final ObservationRegistry registry;

    public TraceContinuation(ObservationRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** {@code work} inside a span named {@code name} continuing {@code traceparent} (may be null). */
    public void run(String traceparent, String name, Runnable work) {
        continuing(registry, name, traceparent).observe(work);
    }

    /** A not yet started observation whose span continues {@code traceparent} (a new trace when null). */
    static Observation continuing(ObservationRegistry registry, String name, String traceparent) {
        ReceiverContext<String> context = new ReceiverContext<>(
                (carrier, key) -> Traceparents.HEADER.equals(key) ? carrier : null, Kind.CONSUMER);
        context.setCarrier(traceparent);
        return Observation.createNotStarted(name, () -> context, registry);
    }
}
