package kr.co.pg.settlement.ops.dlt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kr.co.pg.settlement.ops.OpsException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record of a dead-letter topic, as spring-kafka's DeadLetterPublishingRecoverer writes it: the original key,
 * value and headers, plus headers kafka_dlt-original-topic (UTF-8), -partition (4-byte int), -offset (8-byte long),
 * kafka_dlt-exception-message, and the services' own dltReason (and dltField, dltValue when one field is at fault).
 */
record DeadLetter(String id, ConsumerRecord<String, byte[]> record) {

    static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    static final String EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";
    static final String COLLECTOR_REASON = "dltReason";
    /** When one field is at fault: its name and value (cut to 80 characters). */
    static final String FIELD = "dltField";
    static final String VALUE = "dltValue";
    /** Set on a re-driven record: the id of the dead letter it came from. */
    static final String REDRIVEN_FROM = "redrivenFrom";

    /** Headers the recoverer adds; dropped when a record is re-driven (they describe the failure, not the event). */
    private static final Set<String> FAILURE_HEADERS = Set.of(COLLECTOR_REASON, FIELD, VALUE, REDRIVEN_FROM);

    static DeadLetter of(ConsumerRecord<String, byte[]> record) {
        return new DeadLetter(id(record.topic(), record.partition(), record.offset()), record);
    }

    static String id(String topic, int partition, long offset) {
        return topic + ":" + partition + ":" + offset;
    }

    /** Parses topic:partition:offset (topic names have no colon). */
    static String[] parseId(String id) {
        String[] parts = id.split(":");
        if (parts.length != 3 || parts[0].isBlank() || !parts[1].matches("\\d+") || !parts[2].matches("\\d+")) {
            throw new IllegalArgumentException("bad dead-letter id '" + id + "': expected TOPIC:PARTITION:OFFSET as"
                    + " `settlement dlt list` prints it, e.g. settlement.dlt.collector.v1:0:12");
        }
        return parts;
    }

    String originalTopic() {
        return text(ORIGINAL_TOPIC);
    }

    Integer originalPartition() {
        Header h = record.headers().lastHeader(ORIGINAL_PARTITION);
        if (h == null || h.value() == null) {
            return null;
        }
        return h.value().length == Integer.BYTES ? ByteBuffer.wrap(h.value()).getInt() : Integer.valueOf(utf8(h.value()));
    }

    Long originalOffset() {
        Header h = record.headers().lastHeader(ORIGINAL_OFFSET);
        if (h == null || h.value() == null) {
            return null;
        }
        return h.value().length == Long.BYTES ? ByteBuffer.wrap(h.value()).getLong() : Long.valueOf(utf8(h.value()));
    }

    String reason() {
        String reason = text(COLLECTOR_REASON);
        if (reason == null) {
            reason = text(EXCEPTION_MESSAGE);
        }
        String type = text(EXCEPTION_FQCN);
        String field = text(FIELD);
        return (reason == null ? "-" : reason) + (field == null ? "" : " (field " + field + " = '" + text(VALUE) + "')")
                + (type == null ? "" : " [" + type + "]");
    }

    String text(String header) {
        Header h = record.headers().lastHeader(header);
        return h == null || h.value() == null ? null : utf8(h.value());
    }

    /** The event's own headers (eventId, eventType, businessDate, ...), without those describing the failure. */
    List<Header> eventHeaders() {
        List<Header> headers = new ArrayList<>();
        for (Header h : record.headers()) {
            if (!h.key().startsWith("kafka_dlt-") && !h.key().startsWith("kafka_exception")
                    && !FAILURE_HEADERS.contains(h.key())) {
                headers.add(h);
            }
        }
        return headers;
    }

    void requireRedrivable() {
        if (originalTopic() == null) {
            throw new OpsException(id + " has no " + ORIGINAL_TOPIC + " header: not a dead letter of this system,"
                    + " cannot re-drive it");
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
