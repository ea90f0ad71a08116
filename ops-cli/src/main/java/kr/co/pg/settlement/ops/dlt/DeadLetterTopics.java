package kr.co.pg.settlement.ops.dlt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.ops.OpsException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/** Reads topics (dead letters, the re-drive ledger) up to their current end, without a consumer group. */
public final class DeadLetterTopics {

    public static final List<String> ALL = List.of(Topics.DLT_COLLECTOR, Topics.DLT_GATEWAY, Topics.DLT_POLLER);

    /** The records read, and how many the topic holds in all. */
    public record Read(long total, List<ConsumerRecord<String, byte[]>> records) {
    }

    private DeadLetterTopics() {
    }

    /** Every record of the topic now; an absent topic has none. */
    static List<ConsumerRecord<String, byte[]>> readAll(KafkaConsumer<String, byte[]> consumer, String topic) {
        return readLatest(consumer, topic, Long.MAX_VALUE).records();
    }

    /** The last {@code perPartition} records of every partition of the topic now; an absent topic has none. */
    public static Read readLatest(KafkaConsumer<String, byte[]> consumer, String topic, long perPartition) {
        Map<String, List<PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(20));
        if (!topics.containsKey(topic)) {
            return new Read(0, List.of());
        }
        List<TopicPartition> partitions = topics.get(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
        consumer.assign(partitions);
        long total = 0;
        for (TopicPartition tp : partitions) {
            long begin = begins.get(tp);
            total += ends.get(tp) - begin;
            consumer.seek(tp, Math.max(begin, ends.get(tp) - perPartition));
        }
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 120_000;
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
            if (System.currentTimeMillis() > deadline) {
                throw new OpsException("reading " + topic + " did not reach its end offsets " + ends + " in 2 minutes");
            }
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
                    records.add(r);
                }
            }
        }
        consumer.unsubscribe();
        return new Read(total, records);
    }
}
