package kr.co.pg.settlement.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** The optional traceparent column becomes the traceparent header; rows without it (or tables without it) relay as before. */
class OutboxRowTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void aRowWithATraceparentIsSentWithTheHeader() {
        ProducerRecord<String, byte[]> record = OutboxRow.fromChange(change(true, TRACEPARENT)).orElseThrow()
                .toProducerRecord();

        assertThat(header(record, "traceparent")).isEqualTo(TRACEPARENT);
        assertThat(header(record, "eventId")).isEqualTo("requested:R1-20261124-000001");
        assertThat(record.topic()).isEqualTo("settlement.registration.file-requested.v1");
    }

    @Test
    void aRowWithoutTraceparentOrATableWithoutTheColumnIsSentWithoutTheHeader() {
        ProducerRecord<String, byte[]> nullColumn = OutboxRow.fromChange(change(true, null)).orElseThrow()
                .toProducerRecord();
        ProducerRecord<String, byte[]> noColumn = OutboxRow.fromChange(change(false, null)).orElseThrow()
                .toProducerRecord();

        assertThat(nullColumn.headers().lastHeader("traceparent")).isNull();
        assertThat(noColumn.headers().lastHeader("traceparent")).isNull();
        assertThat(header(noColumn, "businessDate")).isEqualTo("2026-11-24");
    }

    @Test
    void aCompressedPayloadIsPublishedInflatedAndAPlainOneAsItIs() {
        byte[] file = ("{\"records\":[" + "{\"seq\":1,\"transactionId\":\"T1\"},".repeat(2_000) + "{}]}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] stored = OutboxPayloads.stored(file);
        assertThat(stored.length).isLessThan(file.length / 5);

        ProducerRecord<String, byte[]> compressed = OutboxRow.fromChange(change(true, null, stored)).orElseThrow()
                .toProducerRecord();
        assertThat(compressed.value()).isEqualTo(file);
        ProducerRecord<String, byte[]> plain = OutboxRow.fromChange(change(true, null, file)).orElseThrow()
                .toProducerRecord();
        assertThat(plain.value()).isEqualTo(file);
    }

    private static SourceRecord change(boolean withTraceparentColumn, String traceparent) {
        return change(withTraceparentColumn, traceparent, "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static SourceRecord change(boolean withTraceparentColumn, String traceparent, byte[] payload) {
        SchemaBuilder row = SchemaBuilder.struct().name("outbox_event.Value")
                .field("id", Schema.INT64_SCHEMA)
                .field("event_id", Schema.STRING_SCHEMA)
                .field("event_type", Schema.STRING_SCHEMA)
                .field("topic", Schema.STRING_SCHEMA)
                .field("event_key", Schema.STRING_SCHEMA)
                .field("business_date", Date.SCHEMA)
                .field("payload", Schema.BYTES_SCHEMA);
        if (withTraceparentColumn) {
            row.field("traceparent", Schema.OPTIONAL_STRING_SCHEMA);
        }
        Schema rowSchema = row.build();
        Struct after = new Struct(rowSchema)
                .put("id", 7L)
                .put("event_id", "requested:R1-20261124-000001")
                .put("event_type", "RegistrationFileRequested")
                .put("topic", "settlement.registration.file-requested.v1")
                .put("event_key", "R1-20261124-000001")
                .put("business_date", java.util.Date.from(LocalDate.of(2026, 11, 24).atStartOfDay()
                        .toInstant(java.time.ZoneOffset.UTC)))
                .put("payload", payload);
        if (withTraceparentColumn) {
            after.put("traceparent", traceparent);
        }
        Schema envelopeSchema = SchemaBuilder.struct().name("envelope")
                .field("op", Schema.STRING_SCHEMA)
                .field("after", rowSchema)
                .build();
        Struct envelope = new Struct(envelopeSchema).put("op", "c").put("after", after);
        return new SourceRecord(Map.of(), Map.of(), "settlement.outbox_event", envelopeSchema, envelope);
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
