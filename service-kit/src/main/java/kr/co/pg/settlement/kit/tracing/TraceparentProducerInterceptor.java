package kr.co.pg.settlement.kit.tracing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Adds the {@value Traceparents#HEADER} header of the current span to every record sent, so the consumer continues
 * the trace. A record that already has one (an outbox row's, a dead letter's copy) keeps it. With no current span
 * the record goes without, unless {@value #NEW_TRACE_PER_RECORD_CONFIG} is true (the scheduler: each kick-off begins a
 * trace). Kafka creates this class from {@code interceptor.classes}; {@link TracingConfiguration} puts it there,
 * with the {@link Traceparents} in the producer configuration under {@value #TRACEPARENTS_CONFIG}.
 */
public final class TraceparentProducerInterceptor implements ProducerInterceptor<Object, Object> {

    static final String TRACEPARENTS_CONFIG = "settlement.tracing.traceparents";
    static final String NEW_TRACE_PER_RECORD_CONFIG = "settlement.tracing.new-trace-per-record";

    private Traceparents traceparents;
    private boolean newTracePerRecord;

    @Override
    public void configure(Map<String, ?> configs) {
        traceparents = (Traceparents) configs.get(TRACEPARENTS_CONFIG);
        newTracePerRecord = Boolean.parseBoolean(String.valueOf(configs.get(NEW_TRACE_PER_RECORD_CONFIG)));
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        if (traceparents == null || record.headers().lastHeader(Traceparents.HEADER) != null) {
            return record;
        }
        String traceparent = traceparents.current();
        if (traceparent == null && newTracePerRecord) {
            traceparent = traceparents.newTrace(record.topic() + " send");
        }
        if (traceparent != null) {
            record.headers().add(Traceparents.HEADER, traceparent.getBytes(StandardCharsets.US_ASCII));
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        // nothing: the header is all this interceptor does
    }

    @Override
    public void close() {
        // nothing to release
    }
}
