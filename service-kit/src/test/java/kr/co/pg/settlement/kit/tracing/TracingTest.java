package kr.co.pg.settlement.kit.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import kr.co.pg.settlement.kis.client.KisClient;
import kr.co.pg.settlement.kit.kis.KisClientConfiguration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryEventPublisherBeansApplicationListener;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import reactor.core.publisher.Mono;

/** The tracing pieces on Boot's real OpenTelemetry tracing (W3C propagation, log correlation), no broker needed. */
class TracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    static {
        OpenTelemetryEventPublisherBeansApplicationListener.addWrapper();
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
                    OpenTelemetrySdkAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class,
                    MicrometerTracingAutoConfiguration.class))
            .withUserConfiguration(TracingConfiguration.class)
            // what a Spring Boot application registers itself: the span's ids into the MDC of each log line
            .withInitializer(c -> c.addApplicationListener(new OpenTelemetryEventPublisherBeansApplicationListener()))
            .withPropertyValues("management.tracing.sampling.probability=1.0");

    @Test
    @SuppressWarnings("unchecked")
    void aBatchContinuesTheTraceOfItsFirstTracedRecordUntilTheListenerReturns() {
        context.run(c -> {
            BatchInterceptor<Object, Object> batches = c.getBean(BatchInterceptor.class);
            Tracer tracer = c.getBean(Tracer.class);
            ConsumerRecords<Object, Object> records = records(record(0, null), record(1, TRACEPARENT));

            batches.intercept(records, null);
            Span span = tracer.currentSpan();
            try {
                assertThat(span).isNotNull();
                assertThat(span.context().traceId()).isEqualTo(TRACE_ID);
                assertThat(span.context().spanId()).isNotEqualTo("00f067aa0ba902b7");
                assertThat(MDC.get("traceId")).as("log lines of the listener carry the trace id").isEqualTo(TRACE_ID);
                assertThat(MDC.get("spanId")).isEqualTo(span.context().spanId());
                assertThat(c.getBean(Traceparents.class).current())
                        .startsWith("00-" + TRACE_ID + "-" + span.context().spanId() + "-0");
            } finally {
                batches.success(records, null);
            }
            assertThat(tracer.currentSpan()).isNull();
            assertThat(MDC.get("traceId")).isNull();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBatchWithoutTraceparentStartsANewTraceAndAFailedBatchEndsItsSpanToo() {
        context.run(c -> {
            BatchInterceptor<Object, Object> batches = c.getBean(BatchInterceptor.class);
            Tracer tracer = c.getBean(Tracer.class);
            ConsumerRecords<Object, Object> records = records(record(0, null));

            batches.intercept(records, null);
            Span span = tracer.currentSpan();
            try {
                assertThat(span).isNotNull();
                assertThat(span.context().traceId()).hasSize(32).isNotEqualTo(TRACE_ID);
            } finally {
                batches.failure(records, new IllegalStateException("listener failed"), null);
            }
            assertThat(tracer.currentSpan()).isNull();
        });
    }

    @Test
    void workPickedUpLaterRunsInTheTraceItWasRecordedIn() {
        context.run(c -> {
            Tracer tracer = c.getBean(Tracer.class);
            TraceContinuation continuation = c.getBean(TraceContinuation.class);
            AtomicReference<String> traceInside = new AtomicReference<>();
            AtomicReference<String> logTraceInside = new AtomicReference<>();

            continuation.run(TRACEPARENT, "settlement.test.work", () -> {
                traceInside.set(tracer.currentSpan().context().traceId());
                logTraceInside.set(MDC.get("traceId"));
            });
            assertThat(traceInside.get()).isEqualTo(TRACE_ID);
            assertThat(logTraceInside.get()).isEqualTo(TRACE_ID);
            assertThat(tracer.currentSpan()).isNull();

            continuation.run(null, "settlement.test.work", () -> traceInside.set(
                    tracer.currentSpan().context().traceId()));
            assertThat(traceInside.get()).as("nothing stored: a trace of its own").hasSize(32).isNotEqualTo(TRACE_ID);
        });
    }

    @Test
    void aRecordSentInsideASpanCarriesItsTraceparentAndOneThatHasOneKeepsIt() {
        context.run(c -> {
            Tracer tracer = c.getBean(Tracer.class);
            TraceparentProducerInterceptor interceptor = interceptor(c.getBean(Traceparents.class), false);
            Span span = tracer.nextSpan().name("test").start();
            try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
                assertThat(traceparentOf(interceptor.onSend(new ProducerRecord<>("t", "k", "v"))))
                        .startsWith("00-" + span.context().traceId() + "-" + span.context().spanId() + "-0");
                ProducerRecord<Object, Object> relayed = new ProducerRecord<>("t", "k", "v");
                relayed.headers().add(Traceparents.HEADER, TRACEPARENT.getBytes(StandardCharsets.US_ASCII));
                interceptor.onSend(relayed);
                assertThat(relayed.headers().headers(Traceparents.HEADER)).hasSize(1);
                assertThat(traceparentOf(relayed)).isEqualTo(TRACEPARENT);
            } finally {
                span.end();
            }
        });
    }

    @Test
    void outsideASpanARecordGoesWithoutTraceparentUnlessEachRecordStartsATrace() {
        context.run(c -> {
            Traceparents traceparents = c.getBean(Traceparents.class);
            assertThat(traceparentOf(interceptor(traceparents, false).onSend(new ProducerRecord<>("t", "k", "v"))))
                    .isNull();

            TraceparentProducerInterceptor scheduler = interceptor(traceparents, true);
            String first = traceparentOf(scheduler.onSend(new ProducerRecord<>("t", "k", "v")));
            String second = traceparentOf(scheduler.onSend(new ProducerRecord<>("t", "k", "v")));
            assertThat(first).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[0-3]");
            assertThat(second).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[0-3]");
            assertThat(first.substring(3, 35)).as("one trace per kick-off").isNotEqualTo(second.substring(3, 35));
        });
    }

    @Test
    void theKisRequestCarriesTheCurrentTraceparent() {
        context.run(c -> {
            Tracer tracer = c.getBean(Tracer.class);
            TraceparentExchangeFilter filter = new TraceparentExchangeFilter(c.getBean(Traceparents.class));
            AtomicReference<ClientRequest> sent = new AtomicReference<>();
            ClientRequest request = ClientRequest.create(HttpMethod.POST, URI.create("http://kis/v1/files")).build();

            filter.filter(request, r -> {
                sent.set(r);
                return Mono.<ClientResponse>empty();
            }).block();
            assertThat(sent.get().headers().getFirst(Traceparents.HEADER)).as("no span, no header").isNull();

            Span span = tracer.nextSpan().name("test").start();
            try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
                filter.filter(request, r -> {
                    sent.set(r);
                    return Mono.<ClientResponse>empty();
                }).block();
            } finally {
                span.end();
            }
            assertThat(sent.get().headers().getFirst(Traceparents.HEADER))
                    .startsWith("00-" + span.context().traceId() + "-" + span.context().spanId());
        });
    }

    @Test
    void theKisClientOfTheKitSendsTheTraceparentToKis() throws Exception {
        HttpServer kis = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicReference<String> received = new AtomicReference<>();
        kis.createContext("/v1/files", exchange -> {
            received.set(exchange.getRequestHeaders().getFirst(Traceparents.HEADER));
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        kis.start();
        try {
            context.withUserConfiguration(KisClientConfiguration.class)
                    .withBean(Clock.class, Clock::systemUTC)
                    .withPropertyValues("kis.base-url=http://127.0.0.1:" + kis.getAddress().getPort(),
                            "kis.allow-plain-http=true", "kis.client-id=PG00000001", "kis.secret=test-secret")
                    .run(c -> {
                        Tracer tracer = c.getBean(Tracer.class);
                        Span span = tracer.nextSpan().name("test").start();
                        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
                            c.getBean(KisClient.class).status("ABCDEFGHIJ0123456789").block();
                        } finally {
                            span.end();
                        }
                        assertThat(received.get())
                                .startsWith("00-" + span.context().traceId() + "-" + span.context().spanId() + "-0");
                    });
        } finally {
            kis.stop(0);
        }
    }

    @Test
    void theProducerInterceptorIsAddedToThoseAlreadyConfigured() {
        Traceparents traceparents = new Traceparents(Tracer.NOOP, io.micrometer.tracing.propagation.Propagator.NOOP);
        String name = TraceparentProducerInterceptor.class.getName();
        assertThat(TracingConfiguration.producerConfigs(Map.of(), traceparents, true))
                .containsEntry(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, name)
                .containsEntry(TraceparentProducerInterceptor.TRACEPARENTS_CONFIG, traceparents)
                .containsEntry(TraceparentProducerInterceptor.NEW_TRACE_PER_RECORD_CONFIG, true);
        assertThat(TracingConfiguration.producerConfigs(Map.of(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, "a.B"),
                traceparents, false)).containsEntry(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, "a.B," + name);
    }

    @Test
    void spansAreExportedOverOtlpOnlyWhenAnEndpointIsConfigured() {
        ApplicationContextRunner otlp = context.withConfiguration(AutoConfigurations.of(OtlpTracingAutoConfiguration.class));
        otlp.run(c -> assertThat(c).doesNotHaveBean(OtlpHttpSpanExporter.class));
        otlp.withPropertyValues("management.opentelemetry.tracing.export.otlp.endpoint=http://otel-collector:4318/v1/traces")
                .run(c -> assertThat(c).hasSingleBean(OtlpHttpSpanExporter.class));
    }

    private static TraceparentProducerInterceptor interceptor(Traceparents traceparents, boolean newTracePerRecord) {
        TraceparentProducerInterceptor interceptor = new TraceparentProducerInterceptor();
        interceptor.configure(Map.of(TraceparentProducerInterceptor.TRACEPARENTS_CONFIG, traceparents,
                TraceparentProducerInterceptor.NEW_TRACE_PER_RECORD_CONFIG, newTracePerRecord));
        return interceptor;
    }

    private static String traceparentOf(ProducerRecord<Object, Object> record) {
        Header header = record.headers().lastHeader(Traceparents.HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }

    private static ConsumerRecord<Object, Object> record(long offset, String traceparent) {
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>("settlement.test.v1", 0, offset, "k", "v");
        if (traceparent != null) {
            record.headers().add(Traceparents.HEADER, traceparent.getBytes(StandardCharsets.US_ASCII));
        }
        return record;
    }

    @SafeVarargs
    private static ConsumerRecords<Object, Object> records(ConsumerRecord<Object, Object>... records) {
        return new ConsumerRecords<>(Map.of(new TopicPartition("settlement.test.v1", 0), List.of(records)),
                Map.of());
    }
}
