package kr.co.pg.settlement.kit.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The W3C {@code traceparent} of the current span, for what leaves a service: Kafka headers and outbox rows (column
 * {@code outbox_event.traceparent}, copied to the header by the outbox relay).
 */
public final class Traceparents {

    /** The Kafka header (and HTTP header) of the W3C trace context: {@code 00-<trace id>-<span id>-<flags>}. */
    public static final String HEADER = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public Traceparents(Tracer tracer, Propagator propagator) {
        this.tracer = Objects.requireNonNull(tracer, "tracer");
        this.propagator = Objects.requireNonNull(propagator, "propagator");
    }

    /** The current span's traceparent; null when no span is current (or tracing is off). */
    public String current() {
        Span span = tracer.currentSpan();
        return span == null ? null : of(span.context());
    }

    /** The traceparent of a new trace's root span named {@code name} (ended at once: it marks where the trace began). */
    String newTrace(String name) {
        Span root = tracer.nextSpan().name(name).start();
        try {
            return of(root.context());
        } finally {
            root.end();
        }
    }

    private String of(TraceContext context) {
        Map<String, String> carrier = new HashMap<>(4);
        propagator.inject(context, carrier, Map::put);
        return carrier.get(HEADER);
    }
}
