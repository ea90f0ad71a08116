package kr.co.pg.settlement.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.events.FileFailed;
import kr.co.pg.settlement.events.FileSubmitted;
import kr.co.pg.settlement.events.RegistrationResultsReceived;
import kr.co.pg.settlement.events.SettlementResultsReceived;
import kr.co.pg.settlement.events.SettlementSliceRequested;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.localstack.KafkaTestClient;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "A message that cannot be processed never blocks the ones behind it", on every topic the collector consumes,
 * through the real Kafka path: poison messages, then a good one with the same key (so the same partition); the good
 * one is processed and every poison is on the collector's dead-letter topic with its reason in the headers.
 */
@SpringBootTest(properties = {"settlement.outbox.relay-enabled=false", "settlement.kickoff.max-days-ahead=31"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoisonMessagesTest {

    static final ItSupport it = new ItSupport("collector_poison");
    static final String JOB = "DIFF_SETTLEMENT_REQUEST";
    /** A day with no PG transactions before it anywhere: a collector of another test class that sees the good
     * kick-off (shared topic) collects nothing. */
    static final LocalDate EMPTY_DAY = LocalDate.of(2000, 1, 3);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        it.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    ProducerFactory<?, ?> producerFactory;

    private KafkaProducer<String, byte[]> producer;
    private KafkaTestClient deadLetters;
    private final String fileDate = it.businessDate.toString().replace("-", "");

    @BeforeAll
    void setUp() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, it.bootstrap);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 33554432);
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        deadLetters = new KafkaTestClient(it.bootstrap, List.of(Topics.DLT_COLLECTOR));
        it.awaitAssigned(listeners);
    }

    @AfterAll
    void tearDown() {
        producer.close();
        deadLetters.close();
        it.close();
    }

    private RecordMetadata send(String topic, String key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private RecordMetadata send(String topic, String key, String value) {
        return send(topic, key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String kickoff(String id, String job, String date) {
        return "{\"kickoffId\":\"" + id + "\",\"job\":\"" + job + "\",\"businessDate\":\"" + date
                + "\",\"requestedBy\":\"poison-test\"}";
    }

    /** The dead letter of this record (other collectors on the shared broker may add copies: any one will do). */
    private ConsumerRecord<String, byte[]> deadLetterOf(RecordMetadata poison) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters.received(Topics.DLT_COLLECTOR, r ->
                        poison.topic().equals(KafkaTestClient.header(r, "kafka_dlt-original-topic"))
                                && poison.partition() == intHeader(r, "kafka_dlt-original-partition")
                                && poison.offset() == longHeader(r, "kafka_dlt-original-offset")),
                list -> !list.isEmpty()).get(0);
    }

    private static int intHeader(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? -1 : ByteBuffer.wrap(h.value()).getInt();
    }

    private static long longHeader(ConsumerRecord<String, byte[]> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? -1 : ByteBuffer.wrap(h.value()).getLong();
    }

    private void assertDeadLettered(RecordMetadata poison, String... reasonParts) {
        ConsumerRecord<String, byte[]> dead = deadLetterOf(poison);
        assertThat(KafkaTestClient.header(dead, "dltReason")).as("reason of %s", poison).containsAnyOf(reasonParts);
    }

    private void awaitCommittedPast(RecordMetadata good) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, it.bootstrap);
        TopicPartition tp = new TopicPartition(good.topic(), good.partition());
        try (Admin admin = Admin.create(p)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(it.group).partitionsToOffsetAndMetadata().get();
                return committed.get(tp) != null && committed.get(tp).offset() > good.offset();
            });
        }
    }

    private void insertFile(String fileId, String status) {
        jdbc.update("INSERT INTO kis_file (file_id, file_type, file_date, file_seq, business_date, kickoff_id, record_count,"
                        + " created_at, status, updated_at) VALUES (?, 'S1', ?, ?, ?, 'poison', 0, NOW(3), ?, NOW(3))",
                fileId, it.businessDate, Integer.parseInt(fileId.substring(fileId.length() - 6)), it.businessDate, status);
    }

    private String fileStatus(String fileId) {
        return jdbc.queryForObject("SELECT status FROM kis_file WHERE file_id = ?", String.class, fileId);
    }

    @Test
    void poisonKickoffsGoToTheDeadLetterTopicAndTheRealKickoffBehindThemRuns() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        List<RecordMetadata> poisons = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        poisons.add(send(Topics.KICKOFF, JOB, (byte[]) null));
        reasons.add("empty message (tombstone)");
        poisons.add(send(Topics.KICKOFF, JOB, "{\"kickoffId\": not json"));
        reasons.add("not valid JSON");
        poisons.add(send(Topics.KICKOFF, JOB, kickoff("k".repeat(10_240), JOB, EMPTY_DAY.toString())));
        reasons.add("field kickoffId");
        poisons.add(send(Topics.KICKOFF, JOB, kickoff("poison-" + UUID.randomUUID(), "PAYDAY", EMPTY_DAY.toString())));
        reasons.add("unknown job 'PAYDAY'");
        poisons.add(send(Topics.KICKOFF, JOB, kickoff("poison-" + UUID.randomUUID(), JOB, "2026-02-30")));
        reasons.add("not a date YYYY-MM-DD");
        poisons.add(send(Topics.KICKOFF, JOB, kickoff("poison-" + UUID.randomUUID(), JOB, today.plusDays(40).toString())));
        reasons.add("more than 31 days in the future");
        poisons.add(send(Topics.KICKOFF, JOB, kickoff("poison-" + UUID.randomUUID(), JOB, "1999-12-31")));
        reasons.add("outside 2000-01-01..2099-12-31");
        poisons.add(send(Topics.KICKOFF, JOB, "{\"kickoffId\":\"poison-big\",\"job\":\"" + JOB + "\",\"businessDate\":\""
                + EMPTY_DAY + "\",\"padding\":\"" + "x".repeat(20_000) + "\"}"));
        reasons.add("more than 16384");
        poisons.add(send(Topics.KICKOFF, JOB, "[\"" + JOB + "\"]"));
        reasons.add("not an object");
        poisons.add(send(Topics.KICKOFF, JOB, "{\"kickoffId\":\"poison-" + UUID.randomUUID() + "\",\"job\":\"" + JOB
                + "\",\"businessDate\":\"" + EMPTY_DAY + "\",\"requestedAt\":\"tomorrow morning\"}"));
        reasons.add("field requestedAt");
        String goodId = "good-" + UUID.randomUUID();
        RecordMetadata good = send(Topics.KICKOFF, JOB, kickoff(goodId, JOB, EMPTY_DAY.toString()));
        assertThat(poisons).allMatch(p -> p.partition() == good.partition());

        // processed: its run started (how far it gets without the outbox relay is not this test's business)
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM job_run WHERE kickoff_id = ?", Integer.class, goodId) == 1);
        awaitCommittedPast(good);
        for (int i = 0; i < poisons.size(); i++) {
            assertDeadLettered(poisons.get(i), reasons.get(i));
        }
        ConsumerRecord<String, byte[]> longId = deadLetterOf(poisons.get(2));
        assertThat(KafkaTestClient.header(longId, "dltField")).isEqualTo("kickoffId");
        assertThat(KafkaTestClient.header(longId, "dltValue")).endsWith("... (10240 chars)").hasSizeLessThan(120);
        assertThat(KafkaTestClient.header(deadLetterOf(poisons.get(5)), "dltField")).isEqualTo("businessDate");
        assertThat(jdbc.queryForList("SELECT kickoff_id FROM job_run WHERE kickoff_id LIKE 'poison%'"
                + " OR kickoff_id LIKE 'kkk%'", String.class)).as("no poison kick-off started a run").isEmpty();
    }

    @Test
    void poisonFileSubmittedEventsDoNotBlockTheFileBehindThem() {
        String fileId = "S1-" + fileDate + "-000101";
        insertFile(fileId, "CREATED");
        List<RecordMetadata> poisons = new ArrayList<>();
        poisons.add(send(Topics.FILE_SUBMITTED, fileId, (byte[]) null));
        poisons.add(send(Topics.FILE_SUBMITTED, fileId, "<xml>not json</xml>"));
        poisons.add(send(Topics.FILE_SUBMITTED, fileId, "{\"eventId\":\"submitted-no-fields\"}"));
        poisons.add(send(Topics.FILE_SUBMITTED, fileId, "{\"eventId\":\"e\",\"businessDate\":\"24/11/2026\",\"fileId\":\""
                + fileId + "\"}"));
        poisons.add(send(Topics.FILE_SUBMITTED, fileId, EventJson.write(new FileSubmitted("x".repeat(10_000),
                it.businessDate, fileId, "S1", it.businessDate, 101, "R0000000000000000101", 0, Instant.now()))));
        RecordMetadata good = send(Topics.FILE_SUBMITTED, fileId, EventJson.write(new FileSubmitted(
                FileSubmitted.eventIdFor(fileId), it.businessDate, fileId, "S1", it.businessDate, 101,
                "R0000000000000000101", 0, Instant.now())));

        await().atMost(Duration.ofSeconds(60)).until(() -> "SUBMITTED".equals(fileStatus(fileId)));
        assertDeadLettered(poisons.get(0), "empty message (tombstone)");
        assertDeadLettered(poisons.get(1), "unreadable JSON");
        assertDeadLettered(poisons.get(2), "required", "Cannot map `null`");
        assertDeadLettered(poisons.get(3), "unreadable JSON");
        assertDeadLettered(poisons.get(4), "field eventId");
        awaitCommittedPast(good);
    }

    @Test
    void eventsOfAnotherTypeOnATopicAreDeadLetteredAndTheEventBehindThemIsApplied() {
        String fileId = "S1-" + fileDate + "-000401";
        insertFile(fileId, "CREATED");
        String receipt = "R0000000000000000401";
        byte[] submitted = EventJson.write(new FileSubmitted(FileSubmitted.eventIdFor(fileId), it.businessDate, fileId,
                "S1", it.businessDate, 401, receipt, 0, Instant.now()));
        byte[] failed = EventJson.write(new FileFailed(FileFailed.eventIdFor(fileId, receipt), it.businessDate, fileId,
                "S1", receipt, "FAILED", "KIS could not process the file", null, true, Instant.now()));
        byte[] results = EventJson.write(new SettlementResultsReceived(SettlementResultsReceived.eventIdFor(receipt, 1),
                it.businessDate, fileId, receipt, 1, 1, List.of()));
        byte[] kickoff = kickoff("other-type-" + UUID.randomUUID(), JOB, EMPTY_DAY.toString())
                .getBytes(StandardCharsets.UTF_8);
        // each topic carries one type and no type header: another type is read as the topic's and must fail there
        List<RecordMetadata> poisons = List.of(
                send(Topics.FILE_SUBMITTED, fileId, results),
                send(Topics.FILE_SUBMITTED, fileId, failed),
                send(Topics.FILE_SUBMITTED, fileId, kickoff),
                send(Topics.FILE_FAILED, fileId, submitted),
                send(Topics.FILE_FAILED, fileId, results),
                send(Topics.SETTLEMENT_RESULTS, fileId, submitted),
                send(Topics.SETTLEMENT_RESULTS, fileId, failed),
                send(Topics.REGISTRATION_RESULTS, fileId, submitted),
                send(Topics.KICKOFF, JOB, submitted));
        RecordMetadata good = send(Topics.FILE_SUBMITTED, fileId, submitted);

        await().atMost(Duration.ofSeconds(60)).until(() -> "SUBMITTED".equals(fileStatus(fileId)));
        for (RecordMetadata poison : poisons) {
            // a field of the topic's type the other type lacks: "Cannot map `null` into type `int`" and the like
            assertDeadLettered(poison, "Cannot map `null`", "missing: is required");
        }
        awaitCommittedPast(good);
        it.awaitConsumed(Topics.FILE_FAILED);
        assertThat(fileStatus(fileId)).as("a FileSubmitted on the file-failed topic refuses nothing").isEqualTo("SUBMITTED");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMessageOverThirtyTwoMebibytesIsRefusedAtProduceTime() throws Exception {
        byte[] tooBig = new byte[Topics.MAX_MESSAGE_BYTES + 1024];
        // random bytes: compression cannot shrink them under the limit
        new java.util.Random(17).nextBytes(tooBig);
        // the service's own producer (max.request.size 32 MiB) refuses it before it leaves the process
        Producer<String, byte[]> service = ((ProducerFactory<String, byte[]>) producerFactory).createProducer();
        assertThatThrownBy(() -> service.send(new ProducerRecord<>(Topics.SETTLEMENT_RESULTS, "too-big", tooBig))
                .get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(RecordTooLargeException.class);
        // a producer allowed more: the broker refuses it by the topic's max.message.bytes
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, it.bootstrap);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * Topics.MAX_MESSAGE_BYTES);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 3L * Topics.MAX_MESSAGE_BYTES);
        p.put(ProducerConfig.RETRIES_CONFIG, 0);
        try (KafkaProducer<String, byte[]> lax = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            assertThatThrownBy(() -> lax.send(new ProducerRecord<>(Topics.SETTLEMENT_RESULTS, "too-big", tooBig))
                    .get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(RecordTooLargeException.class);
        }
        Properties a = new Properties();
        a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, it.bootstrap);
        try (Admin admin = Admin.create(a)) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.SETTLEMENT_RESULTS);
            assertThat(admin.describeConfigs(List.of(topic)).all().get().get(topic).get("max.message.bytes").value())
                    .isEqualTo(String.valueOf(Topics.MAX_MESSAGE_BYTES));
        }
    }

    @Test
    void poisonFileFailedEventsDoNotBlockAndALateRefusalOfAnAcceptedFileIsIgnored() {
        String refused = "S1-" + fileDate + "-000201";
        String accepted = "S1-" + fileDate + "-000202";
        insertFile(refused, "CREATED");
        insertFile(accepted, "SUBMITTED");
        RecordMetadata tombstone = send(Topics.FILE_FAILED, refused, (byte[]) null);
        RecordMetadata notJson = send(Topics.FILE_FAILED, refused, "\u0000\u0001binary");
        RecordMetadata missing = send(Topics.FILE_FAILED, refused, "{\"eventId\":\"failed-no-file\",\"resendable\":false}");
        send(Topics.FILE_FAILED, accepted, EventJson.write(new FileFailed(FileFailed.eventIdFor(accepted, null),
                it.businessDate, accepted, "S1", null, "E409", "duplicate file", null, false, Instant.now())));
        RecordMetadata good = send(Topics.FILE_FAILED, refused, EventJson.write(new FileFailed(
                FileFailed.eventIdFor(refused, null), it.businessDate, refused, "S1", null, "E422", "bad header", 1,
                false, Instant.now())));

        await().atMost(Duration.ofSeconds(60)).until(() -> "REFUSED".equals(fileStatus(refused)));
        assertDeadLettered(tombstone, "empty message (tombstone)");
        assertDeadLettered(notJson, "unreadable JSON");
        assertDeadLettered(missing, "required", "Cannot map `null`");
        awaitCommittedPast(good);
        it.awaitConsumed(Topics.FILE_FAILED);
        assertThat(fileStatus(accepted)).as("KIS accepted it: a late 409 must not make it REFUSED").isEqualTo("SUBMITTED");
    }

    @Test
    void poisonResultEventsDoNotBlockTheResultsBehindThem() {
        String fileId = "S1-" + fileDate + "-000301";
        insertFile(fileId, "SUBMITTED");
        String receipt = "R0000000000000000301";
        RecordMetadata tombstone = send(Topics.SETTLEMENT_RESULTS, fileId, (byte[]) null);
        RecordMetadata notJson = send(Topics.SETTLEMENT_RESULTS, fileId, "not json");
        RecordMetadata noResults = send(Topics.SETTLEMENT_RESULTS, fileId, "{\"eventId\":\"s2:" + receipt
                + ":9\",\"businessDate\":\"" + it.businessDate + "\",\"fileId\":\"" + fileId + "\",\"receiptNo\":\""
                + receipt + "\",\"part\":1,\"partCount\":1}");
        RecordMetadata wrongType = send(Topics.SETTLEMENT_RESULTS, fileId, "{\"eventId\":\"s2:" + receipt
                + ":8\",\"businessDate\":\"" + it.businessDate + "\",\"fileId\":\"" + fileId + "\",\"part\":\"one\"}");
        RecordMetadata good = send(Topics.SETTLEMENT_RESULTS, fileId, EventJson.write(new SettlementResultsReceived(
                SettlementResultsReceived.eventIdFor(receipt, 1), it.businessDate, fileId, receipt, 1, 1, List.of())));

        String regFile = "R1-" + fileDate + "-000301";
        RecordMetadata regTombstone = send(Topics.REGISTRATION_RESULTS, regFile, (byte[]) null);
        RecordMetadata regNotJson = send(Topics.REGISTRATION_RESULTS, regFile, "{\"results\": [");
        RecordMetadata regNoId = send(Topics.REGISTRATION_RESULTS, regFile, "{\"businessDate\":\"" + it.businessDate
                + "\",\"fileId\":\"" + regFile + "\",\"results\":[]}");
        RecordMetadata regGood = send(Topics.REGISTRATION_RESULTS, regFile, EventJson.write(new RegistrationResultsReceived(
                RegistrationResultsReceived.eventIdFor("R0000000000000000302", 1), it.businessDate, regFile,
                "R0000000000000000302", 1, 1, List.of())));

        assertDeadLettered(tombstone, "empty message (tombstone)");
        assertDeadLettered(notJson, "unreadable JSON");
        assertDeadLettered(noResults, "results is missing");
        assertDeadLettered(wrongType, "unreadable JSON");
        assertDeadLettered(regTombstone, "empty message (tombstone)");
        assertDeadLettered(regNotJson, "unreadable JSON");
        assertDeadLettered(regNoId, "required", "Cannot map `null`");
        awaitCommittedPast(good);
        awaitCommittedPast(regGood);
        assertThat(deadLetters.received(Topics.DLT_COLLECTOR, r -> Topics.SETTLEMENT_RESULTS.equals(
                KafkaTestClient.header(r, "kafka_dlt-original-topic"))
                && longHeader(r, "kafka_dlt-original-offset") == good.offset()
                && intHeader(r, "kafka_dlt-original-partition") == good.partition()))
                .as("the good results event was processed, not dead-lettered").isEmpty();
    }

    @Test
    void poisonSliceEventsDoNotBlockTheSliceBehindThem() {
        String kickoffId = "slice-" + UUID.randomUUID();
        send(Topics.KICKOFF, JOB, kickoff(kickoffId, JOB, EMPTY_DAY.toString()));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM job_run WHERE kickoff_id = ?", Integer.class, kickoffId) == 1);
        String key = kickoffId + ":1";
        RecordMetadata tombstone = send(Topics.SETTLEMENT_SLICE_REQUESTED, key, (byte[]) null);
        RecordMetadata notJson = send(Topics.SETTLEMENT_SLICE_REQUESTED, key, "slice please");
        RecordMetadata sliceZero = send(Topics.SETTLEMENT_SLICE_REQUESTED, key, EventJson.write(
                new SettlementSliceRequested("slice:" + kickoffId + ":0", EMPTY_DAY, kickoffId, 0, 1, null, null, key, 0, 0,
                        null)));
        RecordMetadata longId = send(Topics.SETTLEMENT_SLICE_REQUESTED, key, EventJson.write(
                new SettlementSliceRequested(SettlementSliceRequested.eventIdFor("k".repeat(10_240), 1), EMPTY_DAY,
                        "k".repeat(10_240), 1, 1, null, null, key, 0, 0, null)));
        String goodEventId = SettlementSliceRequested.eventIdFor(kickoffId, 1);
        RecordMetadata good = send(Topics.SETTLEMENT_SLICE_REQUESTED, key, EventJson.write(
                new SettlementSliceRequested(goodEventId, EMPTY_DAY, kickoffId, 1, 1, null, null, key, 0, 0, null)));
        assertThat(List.of(tombstone, notJson, sliceZero, longId)).allMatch(p -> p.partition() == good.partition());

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class, goodEventId) == 1);
        awaitCommittedPast(good);
        assertDeadLettered(tombstone, "empty message (tombstone)");
        assertDeadLettered(notJson, "unreadable JSON");
        assertDeadLettered(sliceZero, "is not a slice");
        assertDeadLettered(longId, "field kickoffId", "field eventId");
    }
}
