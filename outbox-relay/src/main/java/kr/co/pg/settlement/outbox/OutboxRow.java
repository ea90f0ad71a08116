package kr.co.pg.settlement.outbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * One inserted outbox row, as read from a Debezium change record. {@code traceparent} (W3C trace context of the
 * transaction that wrote the row) is optional: null for rows written without a trace and for tables without the column.
 */
record OutboxRow(long id, String eventId, String eventType, String topic, String eventKey, LocalDate businessDate,
                 byte[] payload, String traceparent) {

    static final String HEADER_EVENT_ID = "eventId";
    static final String HEADER_EVENT_TYPE = "eventType";
    static final String HEADER_BUSINESS_DATE = "businessDate";
    static final String HEADER_TRACEPARENT = "traceparent";

    /**
     * The inserted row of a create (c) or snapshot read (r) change; empty for anything else (updates, deletes,
     * heartbeats, schema changes), which the relay ignores.
     */
    static Optional<OutboxRow> fromChange(SourceRecord change) {
        if (!(change.value() instanceof Struct envelope) || envelope.schema().field("op") == null) {
            return Optional.empty();
        }
        String op = envelope.getString("op");
        if (!"c".equals(op) && !"r".equals(op)) {
            return Optional.empty();
        }
        Struct after = envelope.getStruct("after");
        if (after == null) {
            throw new OutboxRelayException("Change record with op=" + op + " from " + change.topic()
                    + " has no 'after' row; cannot relay it (source " + change.sourceOffset() + ")");
        }
        return Optional.of(new OutboxRow(
                ((Number) required(after, "id")).longValue(),
                (String) required(after, "event_id"),
                (String) required(after, "event_type"),
                (String) required(after, "topic"),
                (String) required(after, "event_key"),
                toLocalDate(required(after, "business_date"), after),
                OutboxPayloads.published(toBytes(required(after, "payload"), after)),
                optionalText(after, "traceparent")));
    }

    ProducerRecord<String, byte[]> toProducerRecord() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER_EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8));
        headers.add(HEADER_EVENT_TYPE, eventType.getBytes(StandardCharsets.UTF_8));
        headers.add(HEADER_BUSINESS_DATE, businessDate.toString().getBytes(StandardCharsets.UTF_8));
        if (traceparent != null && !traceparent.isBlank()) {
            headers.add(HEADER_TRACEPARENT, traceparent.getBytes(StandardCharsets.US_ASCII));
        }
        return new ProducerRecord<>(topic, null, eventKey, payload, headers);
    }

    String describe() {
        return "outbox row id=" + id + " event_id=" + eventId + " topic=" + topic + " key=" + eventKey
                + " (" + payload.length + " payload bytes)";
    }

    private static Object required(Struct row, String column) {
        Field field = row.schema().field(column);
        Object value = field == null ? null : row.get(field);
        if (value == null) {
            throw new OutboxRelayException("Outbox row " + row.get("id") + " has no value in column '" + column
                    + "'; the table must have the columns id, event_id, event_type, topic, event_key,"
                    + " business_date, payload (all NOT NULL)");
        }
        return value;
    }

    /** A nullable column that older tables may not have yet. */
    private static String optionalText(Struct row, String column) {
        Field field = row.schema().field(column);
        return field == null ? null : (String) row.get(field);
    }

    private static LocalDate toLocalDate(Object value, Struct row) {
        if (value instanceof Number daysSinceEpoch) {
            return LocalDate.ofEpochDay(daysSinceEpoch.longValue());
        }
        if (value instanceof Date date) {
            return date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
        }
        throw new OutboxRelayException("Outbox row " + row.get("id") + ": business_date has unexpected type "
                + value.getClass().getName() + "; expected a DATE column");
    }

    private static byte[] toBytes(Object value, Struct row) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        throw new OutboxRelayException("Outbox row " + row.get("id") + ": payload has unexpected type "
                + value.getClass().getName() + "; expected a BLOB column read with binary.handling.mode=bytes");
    }
}
