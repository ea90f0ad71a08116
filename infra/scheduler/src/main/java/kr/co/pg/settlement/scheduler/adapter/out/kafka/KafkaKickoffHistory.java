package kr.co.pg.settlement.scheduler.adapter.out.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.co.pg.settlement.events.InvalidEventException;
import kr.co.pg.settlement.events.KickoffParser;
import kr.co.pg.settlement.events.KickoffRequested;
import kr.co.pg.settlement.scheduler.application.KickoffHistory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads back the kick-offs on the kick-off topic itself (no consumer group, nothing committed): every partition
 * from the first record whose broker time is within the lookback up to the end offsets seen at the start. The
 * topic carries a handful of kick-offs a day, so this is a few records.
 *
 * @param connection bootstrap servers and security settings (spring.kafka.*), as for every client of the scheduler
 */
public record KafkaKickoffHistory(Map<String, Object> connection, String topic, Duration timeout)
        implements KickoffHistory {

    public KafkaKickoffHistory {
        connection = Map.copyOf(connection);
    }

    @Override
    public List<SentKickoff> sentKickoffs(Duration lookback) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "scheduler-history-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long since = System.currentTimeMillis() - lookback.toMillis();
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(tp -> query.put(tp, since));
            Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(query, timeout);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition tp : partitions) {
                OffsetAndTimestamp start = starts.get(tp);
                long from = start == null ? ends.get(tp) : start.offset();
                consumer.seek(tp, from);
                if (from < ends.get(tp)) {
                    remaining.put(tp, ends.get(tp));
                }
            }
            return read(consumer, remaining);
        }
    }

    private List<SentKickoff> read(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> remaining) {
        List<SentKickoff> kickoffs = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!remaining.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reading back " + topic + " took longer than " + timeout
                        + "; partitions not read to their end: " + remaining.keySet());
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                Long end = remaining.get(tp);
                if (end != null && record.offset() < end) {
                    parse(record.value(), kickoffs);
                }
            }
            remaining.keySet().removeIf(tp -> consumer.position(tp) >= remaining.get(tp));
        }
        return kickoffs;
    }

    private static void parse(byte[] value, List<SentKickoff> kickoffs) {
        try {
            KickoffRequested kickoff = KickoffParser.parse(value);
            kickoffs.add(new SentKickoff(kickoff.kickoffId(), kickoff.job(), kickoff.businessDate()));
        } catch (InvalidEventException e) {
            // not a kick-off anybody ran; it cannot be one of ours either
        }
    }
}
