package kr.co.pg.settlement.collector.adapter.out.kafka;

import java.nio.charset.StandardCharsets;
import kr.co.pg.settlement.collector.application.PartitionKeys;
import kr.co.pg.settlement.events.Topics;
import org.apache.kafka.common.utils.Utils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;

/**
 * Keys for the producer's default partitioner (murmur2 of the key bytes modulo the partitions), so that records
 * relayed from the outbox, which carry a key but no partition, spread over the partitions as intended.
 */
@Component
class MurmurPartitionKeys implements PartitionKeys {

    private final KafkaOperations<?, ?> kafka;

    MurmurPartitionKeys(KafkaOperations<?, ?> kafka) {
        this.kafka = kafka;
    }

    @Override
    public String keyFor(String topic, String base, int index) {
        int partitions = partitions(topic);
        int wanted = Math.floorMod(index, partitions);
        for (int salt = 0; salt < 100_000; salt++) {
            String key = salt == 0 ? base : base + ":" + salt;
            if (partitionOf(key, partitions) == wanted) {
                return key;
            }
        }
        return base;
    }

    /** The topic's partitions as the broker has them (configurable per deployment), else as declared. */
    private int partitions(String topic) {
        try {
            var info = kafka.partitionsFor(topic);
            if (info != null && !info.isEmpty()) {
                return info.size();
            }
        } catch (RuntimeException e) {
            // broker metadata unavailable: the declared count is the best guess; only the spread suffers
        }
        return Topics.all().stream().filter(t -> t.name().equals(topic)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown topic " + topic)).partitions();
    }

    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
