package kr.co.pg.settlement.opsconsole.adapter.out.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.events.EventHeaders;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.ops.KafkaClients;
import kr.co.pg.settlement.opsconsole.application.DeadLetters;
import kr.co.pg.settlement.opsconsole.config.OpsEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;

/**
 * Reads the dead-letter topics (the latest records of each partition) and the ops-cli's re-drive ledger, without a
 * consumer group. The headers are those of spring-kafka's DeadLetterPublishingRecoverer plus the services' dltReason,
 * dltField and dltValue (docs/operations.md); re-driving itself is the ops-cli's (one transaction with the ledger).
 */
@Component
class KafkaDeadLetters implements DeadLetters {

    /** The ops-cli's ledger of re-driven dead letters (compacted; key = dead-letter id). */
    static final String LEDGER_TOPIC = "settlement.ops.dlt-redriven.v1";
    static final List<String> TOPICS = List.of(Topics.DLT_COLLECTOR, Topics.DLT_GATEWAY, Topics.DLT_POLLER);
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");

    private final OpsEnvironment environment;

    KafkaDeadLetters(OpsEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public List<TopicLetters> list(int limit) {
        try (KafkaConsumer<String, byte[]> reader = KafkaClients.reader(environment.kafkaBootstrap(), false);
             KafkaConsumer<String, byte[]> committed = KafkaClients.reader(environment.kafkaBootstrap(), true)) {
            Map<String, String> ledger = new HashMap<>();
            for (ConsumerRecord<String, byte[]> r : latest(committed, LEDGER_TOPIC, Integer.MAX_VALUE).records()) {
                if (r.key() != null && r.value() != null) {
                    ledger.put(r.key(), new String(r.value(), StandardCharsets.UTF_8));
                }
            }
            List<TopicLetters> result = new ArrayList<>();
            for (String topic : TOPICS) {
                Read read = latest(reader, topic, limit);
                List<DeadLetter> letters = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> r : read.records()) {
                    String id = r.topic() + ":" + r.partition() + ":" + r.offset();
                    letters.add(new DeadLetter(id, r.topic(), r.partition(), r.offset(),
                            Instant.ofEpochMilli(r.timestamp()).atZone(KST).toOffsetDateTime(),
                            text(r, "kafka_dlt-original-topic"), intHeader(r, "kafka_dlt-original-partition"),
                            longHeader(r, "kafka_dlt-original-offset"), r.key(), text(r, EventHeaders.EVENT_TYPE),
                            text(r, EventHeaders.EVENT_ID), text(r, EventHeaders.BUSINESS_DATE), reason(r), ledger.get(id)));
                }
                letters.sort(Comparator.comparing(DeadLetter::at).reversed());
                result.add(new TopicLetters(topic, read.total(), letters.size() > limit ? letters.subList(0, limit) : letters));
            }
            return result;
        }
    }

    private record Read(long total, List<ConsumerRecord<String, byte[]>> records) {
    }

    /** The last {@code limit} records of every partition of the topic (none when it does not exist). */
    private static Read latest(KafkaConsumer<String, byte[]> consumer, String topic, int limit) {
        Map<String, List<PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(15));
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
            long end = ends.get(tp);
            long begin = begins.get(tp);
            total += end - begin;
            consumer.seek(tp, Math.max(begin, end - limit));
        }
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 30_000;
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))
                && System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
                    records.add(r);
                }
            }
        }
        consumer.unsubscribe();
        return new Read(total, records);
    }

    private static String reason(ConsumerRecord<String, byte[]> r) {
        String reason = text(r, "dltReason");
        if (reason == null) {
            reason = text(r, "kafka_dlt-exception-message");
        }
        String field = text(r, "dltField");
        String type = text(r, "kafka_dlt-exception-fqcn");
        return (reason == null ? "-" : reason) + (field == null ? "" : " (field " + field + " = '" + text(r, "dltValue") + "')")
                + (type == null ? "" : " [" + type + "]");
    }

    private static String text(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Integer intHeader(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        if (h == null || h.value() == null) {
            return null;
        }
        return h.value().length == Integer.BYTES ? ByteBuffer.wrap(h.value()).getInt()
                : Integer.valueOf(new String(h.value(), StandardCharsets.UTF_8));
    }

    private static Long longHeader(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        if (h == null || h.value() == null) {
            return null;
        }
        return h.value().length == Long.BYTES ? ByteBuffer.wrap(h.value()).getLong()
                : Long.valueOf(new String(h.value(), StandardCharsets.UTF_8));
    }
}
