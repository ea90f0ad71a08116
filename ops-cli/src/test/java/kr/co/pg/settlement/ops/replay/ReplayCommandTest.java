package kr.co.pg.settlement.ops.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import kr.co.pg.settlement.events.ConsumerGroups;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.ops.OpsTestSupport;
import kr.co.pg.settlement.ops.OpsTestSupport.Run;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReplayCommandTest {

    private static final String TOPIC = "ops-replay-" + UUID.randomUUID();
    private static final int PARTITIONS = 3;
    private static Map<String, String> env;

    /**
     * Every partition: offsets 0-2 of 2025-02-15, 3-5 of 2025-02-16, 6-8 of 2025-02-17; partition 1 also has a late
     * 2025-02-15 record at offset 9 (a day's straggler after the next day began).
     */
    @BeforeAll
    static void setUp() throws Exception {
        OpsTestSupport.createTopics(new NewTopic(TOPIC, PARTITIONS, (short) 1));
        env = OpsTestSupport.env(null, null);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, OpsTestSupport.kafka(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int p = 0; p < PARTITIONS; p++) {
                for (String date : List.of("2025-02-15", "2025-02-16", "2025-02-17")) {
                    for (int i = 0; i < 3; i++) {
                        send(producer, p, date);
                    }
                }
            }
            send(producer, 1, "2025-02-15");
            producer.flush();
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, int partition, String date) throws Exception {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(TOPIC, partition, "key", "{}".getBytes(StandardCharsets.UTF_8));
        r.headers().add("businessDate", date.getBytes(StandardCharsets.UTF_8));
        r.headers().add("eventId", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        producer.send(r).get();
    }

    @Test
    void dryRunPrintsTheMoveAndExecuteMovesToTheFirstRecordOfTheDate() {
        String group = "ops-replay-group-" + UUID.randomUUID();
        commit(group, Map.of(0, 9L, 1, 10L, 2, 7L));

        Run dryRun = OpsTestSupport.run(env, "replay", "--date", "2025-02-16", "--group", group);
        System.out.println(dryRun.out());

        assertThat(dryRun.code()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("DRY RUN").contains("would move 3 partition offset(s) of 1 group(s)");
        assertThat(dryRun.out()).containsPattern(TOPIC + "\\s+0\\s+9\\s+3")
                .containsPattern(TOPIC + "\\s+1\\s+10\\s+3").containsPattern(TOPIC + "\\s+2\\s+7\\s+3");
        assertThat(committed(group)).containsExactlyInAnyOrderEntriesOf(Map.of(0, 9L, 1, 10L, 2, 7L));

        Run execute = OpsTestSupport.run(env, "replay", "--date", "2025-02-16", "--group", group, "--execute");

        assertThat(execute.code()).as(execute.err()).isZero();
        assertThat(execute.out()).contains("moved 3 partition offset(s)");
        assertThat(committed(group)).containsExactlyInAnyOrderEntriesOf(Map.of(0, 3L, 1, 3L, 2, 3L));

        OpsTestSupport.run(env, "replay", "--date", "2025-02-17", "--group", group, "--execute");
        assertThat(committed(group)).containsExactlyInAnyOrderEntriesOf(Map.of(0, 6L, 1, 6L, 2, 6L));

        // a date with no record yet: the end of each partition
        OpsTestSupport.run(env, "replay", "--date", "2025-02-18", "--group", group, "--execute");
        assertThat(committed(group)).containsExactlyInAnyOrderEntriesOf(Map.of(0, 9L, 1, 10L, 2, 9L));
    }

    @Test
    void aServiceGroupMovesOnEveryTopicItIsKnownToReadEvenWithoutCommittedOffsets() throws Exception {
        OpsTestSupport.createTopics(new NewTopic(Topics.REGISTRATION_FILE_REQUESTED, 2, (short) 1),
                new NewTopic(Topics.SETTLEMENT_FILE_REQUESTED, 2, (short) 1));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, OpsTestSupport.kafka(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (String topic : List.of(Topics.REGISTRATION_FILE_REQUESTED, Topics.SETTLEMENT_FILE_REQUESTED)) {
                for (String date : List.of("2025-02-16", "2025-02-16", "2025-02-17")) {
                    ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, 0, "file", "{}".getBytes(StandardCharsets.UTF_8));
                    r.headers().add("businessDate", date.getBytes(StandardCharsets.UTF_8));
                    producer.send(r).get();
                }
            }
        }

        Run run = OpsTestSupport.run(env, "replay", "--date", "2025-02-17", "--group", ConsumerGroups.GATEWAY, "--execute");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("group settlement-kis-gateway (no offsets yet)").contains("moved 4 partition offset(s)");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", OpsTestSupport.kafka()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(ConsumerGroups.GATEWAY)
                    .partitionsToOffsetAndMetadata().get();
            assertThat(offsets).hasSize(4);
            assertThat(offsets.get(new TopicPartition(Topics.REGISTRATION_FILE_REQUESTED, 0)).offset()).isEqualTo(2);
            assertThat(offsets.get(new TopicPartition(Topics.SETTLEMENT_FILE_REQUESTED, 0)).offset()).isEqualTo(2);
            assertThat(offsets.get(new TopicPartition(Topics.SETTLEMENT_FILE_REQUESTED, 1)).offset()).isZero();
        }
    }

    @Test
    void refusesWhileTheGroupHasAnActiveMember() {
        String group = "ops-replay-active-" + UUID.randomUUID();
        commit(group, Map.of(0, 9L));
        try (KafkaConsumer<String, byte[]> member = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, OpsTestSupport.kafka(), ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            member.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                member.poll(Duration.ofMillis(100));
                return !member.assignment().isEmpty();
            });

            Run run = OpsTestSupport.run(env, "replay", "--date", "2025-02-16", "--group", group, "--execute");

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.errLines()).hasSize(1);
            assertThat(run.err()).contains("consumer group " + group + " has 1 active member(s)")
                    .contains("stop its service before replaying").contains("nothing was changed");
            assertThat(committed(group)).containsEntry(0, 9L);
        }
    }

    private static void commit(String group, Map<Integer, Long> offsets) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", OpsTestSupport.kafka()))) {
            Map<TopicPartition, OffsetAndMetadata> m = new HashMap<>();
            offsets.forEach((p, o) -> m.put(new TopicPartition(TOPIC, p), new OffsetAndMetadata(o)));
            admin.alterConsumerGroupOffsets(group, m).all().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<Integer, Long> committed(String group) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", OpsTestSupport.kafka()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(TOPIC))
                    .collect(Collectors.toMap(e -> e.getKey().partition(), e -> e.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
