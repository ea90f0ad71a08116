package kr.co.pg.settlement.ops.dlt;

import static kr.co.pg.settlement.ops.dlt.FailureHeader.EXCEPTION_FQCN;
import static kr.co.pg.settlement.ops.dlt.FailureHeader.EXCEPTION_MESSAGE;
import static kr.co.pg.settlement.ops.dlt.FailureHeader.FIELD;
import static kr.co.pg.settlement.ops.dlt.FailureHeader.ORIGINAL_OFFSET;
import static kr.co.pg.settlement.ops.dlt.FailureHeader.ORIGINAL_PARTITION;
import static kr.co.pg.settlement.ops.dlt.FailureHeader.ORIGINAL_TOPIC;
import static kr.co.pg.settlement.ops.dlt.FailureHeader.REASON;
import static kr.co.pg.settlement.ops.dlt.FailureHeader.VALUE;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import kr.co.pg.settlement.ops.OpsCommand;
import kr.co.pg.settlement.ops.OpsException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record of a dead-letter topic, as spring-kafka's DeadLetterPublishingRecoverer writes it: the original key,
 * value and headers, plus the {@link FailureHeader}s. Read by {@code settlement dlt} and the ops console alike.
 */
public record DeadLetter(String id, ConsumerRecord<String, byte[]> record) {

    public static DeadLetter of(ConsumerRecord<String, byte[]> record) {
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

    /** When it was dead-lettered, Korean time. */
    public OffsetDateTime at() {
        return Instant.ofEpochMilli(record.timestamp()).atZone(OpsCommand.KST).toOffsetDateTime();
    }

    public String originalTopic() {
        return text(ORIGINAL_TOPIC.key);
    }

    public Integer originalPartition() {
        return number(ORIGINAL_PARTITION, Integer.BYTES, b -> ByteBuffer.wrap(b).getInt(), Integer::valueOf);
    }

    public Long originalOffset() {
        return number(ORIGINAL_OFFSET, Long.BYTES, b -> ByteBuffer.wrap(b).getLong(), Long::valueOf);
    }

    public String reason() {
        String reason = text(REASON.key);
        if (reason == null) {
            reason = text(EXCEPTION_MESSAGE.key);
        }
        String type = text(EXCEPTION_FQCN.key);
        String field = text(FIELD.key);
        return (reason == null ? "-" : reason) + (field == null ? "" : " (field " + field + " = '" + text(VALUE.key) + "')")
                + (type == null ? "" : " [" + type + "]");
    }

    public String text(String header) {
        Header h = record.headers().lastHeader(header);
        return h == null || h.value() == null ? null : utf8(h.value());
    }

    /** The event's own headers (eventId, eventType, businessDate, ...), without those describing the failure. */
    List<Header> eventHeaders() {
        List<Header> headers = new ArrayList<>();
        for (Header h : record.headers()) {
            if (!FailureHeader.describesFailure(h.key())) {
                headers.add(h);
            }
        }
        return headers;
    }

    void requireRedrivable() {
        if (originalTopic() == null) {
            throw new OpsException(id + " has no " + ORIGINAL_TOPIC.key + " header: not a dead letter of this system,"
                    + " cannot re-drive it");
        }
    }

    /** A number header: binary as the recoverer writes it, or its decimal text. */
    private <N> N number(FailureHeader header, int binaryLength, Function<byte[], N> binary, Function<String, N> decimal) {
        Header h = record.headers().lastHeader(header.key);
        if (h == null || h.value() == null) {
            return null;
        }
        return h.value().length == binaryLength ? binary.apply(h.value()) : decimal.apply(utf8(h.value()));
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
