package kr.co.pg.settlement.kit.tracing;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.BatchInterceptor;

/**
 * A span around each batch a listener handles, continuing the trace of the batch's first record that has a
 * {@value Traceparents#HEADER} header (a new trace when none has). Spring Kafka's own listener observation does not
 * wrap a batch listener's work, so without this the listener's logs, KIS calls, outbox rows and sent events would
 * have no trace. The span is current on the consumer thread from {@link #intercept} until {@link #success} or
 * {@link #failure}, which the container calls on the same thread right after the listener.
 */
final class TracedBatches implements BatchInterceptor<Object, Object> {

    static final String OBSERVATION_NAME = "settlement.kafka.batch";

    private final ObservationRegistry registry;
    /** The open batch of this consumer thread (one interceptor serves every container and consumer thread). */
    private final ThreadLocal<Open> open = new ThreadLocal<>();

    TracedBatches(ObservationRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
                                                     Consumer<Object, Object> consumer) {
        close(null);
        String topics = String.join(",", records.partitions().stream().map(p -> p.topic()).distinct().sorted()
                .toList());
        Observation observation = TraceContinuation.continuing(registry, OBSERVATION_NAME, firstTraceparent(records))
                .contextualName(topics + " receive")
                .lowCardinalityKeyValue(KeyValue.of("messaging.destination.name", topics))
                .highCardinalityKeyValue(KeyValue.of("messaging.batch.message_count", Integer.toString(records.count())))
                .start();
        open.set(new Open(observation, observation.openScope()));
        return records;
    }

    @Override
    public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
        close(null);
    }

    @Override
    public void failure(ConsumerRecords<Object, Object> records, Exception exception,
                        Consumer<Object, Object> consumer) {
        close(exception);
    }

    @Override
    public void clearThreadState(Consumer<?, ?> consumer) {
        close(null);
    }

    private void close(Exception failure) {
        Open batch = open.get();
        if (batch == null) {
            return;
        }
        open.remove();
        batch.scope().close();
        if (failure != null) {
            batch.observation().error(failure);
        }
        batch.observation().stop();
    }

    private static String firstTraceparent(ConsumerRecords<Object, Object> records) {
        for (ConsumerRecord<Object, Object> record : records) {
            Header header = record.headers().lastHeader(Traceparents.HEADER);
            if (header != null && header.value() != null) {
                return new String(header.value(), StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    private record Open(Observation observation, Observation.Scope scope) {
    }
}
