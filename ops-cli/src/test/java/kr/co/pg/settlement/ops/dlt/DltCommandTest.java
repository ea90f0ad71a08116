package kr.co.pg.settlement.ops.dlt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.ops.KafkaClients;
import kr.co.pg.settlement.ops.KafkaConnection;
import kr.co.pg.settlement.ops.OpsTestSupport;
import kr.co.pg.settlement.ops.OpsTestSupport.Run;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DltCommandTest {

    private static final String ORIGIN = "ops-dlt-origin-" + UUID.randomUUID();
    private static Map<String, String> env;

    @BeforeAll
    static void setUp() {
        OpsTestSupport.createTopics(new NewTopic(ORIGIN, 2, (short) 1), new NewTopic(Topics.DLT_COLLECTOR, 1, (short) 1),
                new NewTopic(Topics.DLT_GATEWAY, 1, (short) 1));
        env = OpsTestSupport.env(null, null);
    }

    @Test
    void listShowsTheOriginAndReasonAndRedriveReDrivesExactlyOnce() {
        String first = deadLetter("DIFF_SETTLEMENT_REQUEST", "{\"kickoffId\":\"k1\",\"job\":\"DIFF_SETTLEMENT_REQUEST\"}", 7);
        String second = deadLetter("SUBMERCHANT_REGISTRATION_REQUEST", "{\"kickoffId\":\"k2\"}", 8);

        Run list = OpsTestSupport.run(env, "dlt", "list", "--topic", Topics.DLT_COLLECTOR);
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains(first + "  ").contains("from " + ORIGIN + ":1:7")
                .contains("key DIFF_SETTLEMENT_REQUEST").contains("eventType KickoffRequested")
                .contains("reason: KickoffRequested: unreadable JSON [kr.co.pg.settlement.events.InvalidEventException]");

        Run dryRun = OpsTestSupport.run(env, "dlt", "redrive", first);
        System.out.println(dryRun.out());
        assertThat(dryRun.code()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains(first + ": would re-drive to " + ORIGIN + " partition 1, key DIFF_SETTLEMENT_REQUEST");
        assertThat(origin()).isEmpty();

        Run execute = OpsTestSupport.run(env, "dlt", "redrive", first, "--execute", "--by", "ops-test");
        System.out.println(execute.out());
        assertThat(execute.code()).as(execute.err()).isZero();
        // read-committed: the transaction's markers reach the partition a moment after the commit returned
        await().atMost(Duration.ofSeconds(10)).until(() -> origin().size() == 1);
        List<ConsumerRecord<String, byte[]>> back = origin();
        ConsumerRecord<String, byte[]> r = back.get(0);
        assertThat(r.partition()).isEqualTo(1);
        assertThat(r.key()).isEqualTo("DIFF_SETTLEMENT_REQUEST");
        assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{\"kickoffId\":\"k1\",\"job\":\"DIFF_SETTLEMENT_REQUEST\"}");
        List<String> headerNames = new ArrayList<>();
        r.headers().forEach(h -> headerNames.add(h.key()));
        assertThat(headerNames).containsExactly("eventId", "eventType", "businessDate", "redrivenFrom");
        assertThat(text(r, "redrivenFrom")).isEqualTo(first);

        Run again = OpsTestSupport.run(env, "dlt", "redrive", first, "--execute");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.out()).contains(first + ": already re-driven, not again").contains("\"by\":\"ops-test\"");
        assertThat(origin()).hasSize(1);

        assertThat(OpsTestSupport.run(env, "dlt", "list").out()).contains("re-driven: {\"deadLetter\":\"" + first + "\"");

        Run all = OpsTestSupport.run(env, "dlt", "redrive", "--all", "--topic", Topics.DLT_COLLECTOR, "--execute");
        assertThat(all.code()).as(all.err()).isZero();
        assertThat(all.out()).contains(second + ": re-driven as " + ORIGIN + ":1:")
                .contains("re-driven 1, skipped 1");
        await().atMost(Duration.ofSeconds(10)).until(() -> origin().size() == 2);
        assertThat(origin()).extracting(ConsumerRecord::key)
                .containsExactly("DIFF_SETTLEMENT_REQUEST", "SUBMERCHANT_REGISTRATION_REQUEST");
    }

    @Test
    void aBadIdIsABadArgument() {
        Run run = OpsTestSupport.run(env, "dlt", "redrive", "settlement.dlt.collector.v1-0-12");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("bad dead-letter id 'settlement.dlt.collector.v1-0-12'");
    }

    /** A dead letter as spring-kafka's DeadLetterPublishingRecoverer writes it (plus the collector's dltReason). */
    private static String deadLetter(String key, String value, long originalOffset) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(Topics.DLT_COLLECTOR, 0, key, value.getBytes(StandardCharsets.UTF_8));
        r.headers().add("eventId", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        r.headers().add("eventType", "KickoffRequested".getBytes(StandardCharsets.UTF_8));
        r.headers().add("businessDate", "2025-02-17".getBytes(StandardCharsets.UTF_8));
        r.headers().add("kafka_dlt-exception-fqcn", "kr.co.pg.settlement.events.InvalidEventException".getBytes(StandardCharsets.UTF_8));
        r.headers().add("kafka_dlt-exception-message", "Listener failed; KickoffRequested: unreadable JSON".getBytes(StandardCharsets.UTF_8));
        r.headers().add("kafka_dlt-original-topic", ORIGIN.getBytes(StandardCharsets.UTF_8));
        r.headers().add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(1).array());
        r.headers().add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(originalOffset).array());
        r.headers().add("kafka_dlt-original-timestamp", ByteBuffer.allocate(8).putLong(System.currentTimeMillis()).array());
        r.headers().add("kafka_dlt-original-consumer-group", "settlement-collector".getBytes(StandardCharsets.UTF_8));
        r.headers().add("dltReason", "KickoffRequested: unreadable JSON".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(KafkaConnection.plaintext(OpsTestSupport.kafka()), null)) {
            var m = producer.send(r).get();
            return m.topic() + ":" + m.partition() + ":" + m.offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> origin() {
        try (KafkaConsumer<String, byte[]> consumer = KafkaClients.reader(KafkaConnection.plaintext(OpsTestSupport.kafka()), true)) {
            List<TopicPartition> partitions = List.of(new TopicPartition(ORIGIN, 0), new TopicPartition(ORIGIN, 1));
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static String text(ConsumerRecord<String, byte[]> r, String header) {
        Header h = r.headers().lastHeader(header);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
