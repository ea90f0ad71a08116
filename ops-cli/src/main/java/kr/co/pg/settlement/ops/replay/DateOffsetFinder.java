package kr.co.pg.settlement.ops.replay;

import static kr.co.pg.settlement.ops.OpsCommand.KST;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.events.EventHeaders;
import kr.co.pg.settlement.ops.OpsException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Finds, in one partition, the first record of a business date: the smallest offset whose record's businessDate
 * header (every producer sets it; a record without one counts by its timestamp's KST date) is on or after the date.
 * <p>
 * Records of a partition are mostly in date order, and a record is produced on or after its business date's eve, so
 * the scan starts at the broker's time index for (date 00:00 KST minus {@code lookbackDays}) and reads forward until
 * it finds one, or reaches the end (then: the end offset, nothing of the date yet). It reads at most
 * {@code scanLimit} records per partition and refuses beyond, rather than guessing.
 */
final class DateOffsetFinder {


    private final KafkaConsumer<String, byte[]> consumer;
    private final int lookbackDays;
    private final long scanLimit;

    DateOffsetFinder(KafkaConsumer<String, byte[]> consumer, int lookbackDays, long scanLimit) {
        this.consumer = consumer;
        this.lookbackDays = lookbackDays;
        this.scanLimit = scanLimit;
    }

    long firstOffsetOnOrAfter(TopicPartition tp, LocalDate date, long endOffset) {
        long from = startOffset(tp, date, endOffset);
        if (from >= endOffset) {
            return endOffset;
        }
        consumer.assign(List.of(tp));
        consumer.seek(tp, from);
        long scanned = 0;
        while (consumer.position(tp) < endOffset) {
            List<ConsumerRecord<String, byte[]>> records = consumer.poll(Duration.ofMillis(500)).records(tp);
            for (ConsumerRecord<String, byte[]> r : records) {
                if (r.offset() >= endOffset) {
                    return endOffset;
                }
                if (!businessDate(r).isBefore(date)) {
                    return r.offset();
                }
                if (++scanned > scanLimit) {
                    throw new OpsException(tp + ": no record of " + date + " or later within " + scanLimit
                            + " records from offset " + from + "; raise --scan-limit or check the topic's dates");
                }
            }
        }
        return endOffset;
    }

    private long startOffset(TopicPartition tp, LocalDate date, long endOffset) {
        long since = date.minusDays(lookbackDays).atStartOfDay(KST).toInstant().toEpochMilli();
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(Map.of(tp, since));
        OffsetAndTimestamp hit = found.get(tp);
        if (hit != null) {
            return hit.offset();
        }
        // no record at or after that time: nothing of the date in this partition
        return endOffset;
    }

    static LocalDate businessDate(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(EventHeaders.BUSINESS_DATE);
        if (header != null && header.value() != null) {
            try {
                return LocalDate.parse(new String(header.value(), StandardCharsets.UTF_8).trim());
            } catch (DateTimeParseException ignored) {
                // fall back to the record's time
            }
        }
        return Instant.ofEpochMilli(record.timestamp()).atZone(KST).toLocalDate();
    }
}
