package kr.co.pg.settlement.gateway;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import kr.co.pg.settlement.events.ConsumerGroups;
import kr.co.pg.settlement.kit.kis.KisCallTimer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the gateway has done, read instead of waiting "long enough": its KIS calls (its own timer), whether its
 * consumer group committed a topic to its end, and a topic's records up to its current end.
 */
final class GatewayProgress {

    /** KIS calls the gateway made that KIS answered with this HTTP status (transient answers only). */
    static long kisCallsAnswered(ConfigurableApplicationContext gateway, String status) {
        return gateway.getBean(MeterRegistry.class).find(KisCallTimer.KIS_CALLS).tag("status", status).timers()
                .stream().mapToLong(Timer::count).sum();
    }

    /** Waits until the gateway's group has committed every partition of the topic to its current end. */
    static void awaitConsumedToEnd(String bootstrap, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = committed(admin);
                return partitions.stream().allMatch(tp -> end.get(tp) == 0
                        || committed.get(tp) != null && committed.get(tp).offset() >= end.get(tp));
            });
        }
    }

    /** Every record of the topic with this key, from the beginning to the topic's current end: no waiting for more. */
    static List<ConsumerRecord<String, byte[]>> readToEnd(String bootstrap, String topic, String key) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    if (key.equals(r.key()) && r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        out.add(r);
                    }
                }
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
        }
        return out;
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin)
            throws InterruptedException, ExecutionException {
        return admin.listConsumerGroupOffsets(ConsumerGroups.GATEWAY).partitionsToOffsetAndMetadata().get();
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "gateway-progress-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
    }

    private GatewayProgress() {
    }
}
