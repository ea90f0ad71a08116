package kr.co.pg.settlement.ops.dlt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.ops.OpsException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/** Reads whole topics (dead letters, the re-drive ledger) from the beginning to their current end, without a group. */
final class DeadLetterTopics {

    static final List<String> ALL = List.of(Topics.DLT_COLLECTOR, Topics.DLT_GATEWAY, Topics.DLT_POLLER);

    private DeadLetterTopics() {
    }

    /** Every record of the topic now; an absent topic has none. */
    static List<ConsumerRecord<String, byte[]>> readAll(KafkaConsumer<String, byte[]> consumer, String topic) {
        Map<String, List<PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(20));
        if (!topics.containsKey(topic)) {
            return List.of();
        }
        List<TopicPartition> partitions = topics.get(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
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
        return records;
    }
}
