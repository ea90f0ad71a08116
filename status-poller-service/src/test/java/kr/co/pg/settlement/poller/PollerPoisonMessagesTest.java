package kr.co.pg.settlement.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.events.FileSubmitted;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.localstack.KafkaTestClient;
import kr.co.pg.settlement.localstack.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Poison messages on the poller's two topics (same key as the good one behind them, so the same partition) go to the
 * poller's dead-letter topic with the reason; the good message is processed. Real Kafka and MariaDB.
 */
class PollerPoisonMessagesTest {

    static PollerFixture fx;
    static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() throws Exception {
        fx = new PollerFixture(Duration.ofHours(1));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalStack.kafka().bootstrapServers()), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        if (fx != null) {
            fx.close();
        }
    }

    private static RecordMetadata send(String topic, String key, String value) {
        try {
            return producer.send(new ProducerRecord<>(topic, key,
                    value == null ? null : value.getBytes(StandardCharsets.UTF_8))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConsumerRecord<String, byte[]> deadLetter(RecordMetadata poison) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> fx.kafka.received(Topics.DLT_POLLER, r ->
                poison.topic().equals(KafkaTestClient.header(r, "kafka_dlt-original-topic"))
                        && poison.partition() == ByteBuffer.wrap(r.headers().lastHeader("kafka_dlt-original-partition")
                        .value()).getInt()
                        && poison.offset() == ByteBuffer.wrap(r.headers().lastHeader("kafka_dlt-original-offset")
                        .value()).getLong()), list -> !list.isEmpty()).get(0);
    }

    private static String reason(RecordMetadata poison) {
        return KafkaTestClient.header(deadLetter(poison), "dltReason");
    }

    private static String kickoff(String id, String job, LocalDate date) {
        return "{\"kickoffId\":\"" + id + "\",\"job\":\"" + job + "\",\"businessDate\":\"" + date + "\"}";
    }

    @Test
    void poisonKickoffsDoNotBlockTheResultKickoffBehindThem() {
        String job = "DIFF_SETTLEMENT_RESULT";
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        RecordMetadata tombstone = send(Topics.KICKOFF, job, null);
        RecordMetadata notJson = send(Topics.KICKOFF, job, "kick off now please");
        RecordMetadata unknownJob = send(Topics.KICKOFF, job, kickoff("job-" + UUID.randomUUID(), "PAYDAY", today));
        RecordMetadata longId = send(Topics.KICKOFF, job, kickoff("k".repeat(10_240), job, today));
        RecordMetadata farFuture = send(Topics.KICKOFF, job, kickoff("far-" + UUID.randomUUID(), job, today.plusDays(60)));
        RecordMetadata badDate = send(Topics.KICKOFF, job, kickoff("bad-" + UUID.randomUUID(), job, today).replace(
                today.toString(), "2026-13-01"));
        String goodId = "good-" + UUID.randomUUID();
        RecordMetadata good = send(Topics.KICKOFF, job, kickoff(goodId, job, today));
        assertThat(good.partition()).isEqualTo(tombstone.partition());

        await().atMost(Duration.ofSeconds(60)).until(() -> fx.jdbc.queryForObject(
                "SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class, goodId) == 1);
        assertThat(reason(tombstone)).contains("empty message (tombstone)");
        assertThat(reason(notJson)).contains("not valid JSON");
        assertThat(reason(unknownJob)).contains("unknown job 'PAYDAY'");
        ConsumerRecord<String, byte[]> longIdDead = deadLetter(longId);
        assertThat(KafkaTestClient.header(longIdDead, "dltField")).isEqualTo("kickoffId");
        assertThat(KafkaTestClient.header(longIdDead, "dltValue")).endsWith("... (10240 chars)");
        assertThat(reason(farFuture)).contains("more than 31 days in the future");
        assertThat(reason(badDate)).contains("not a date YYYY-MM-DD");
    }

    @Test
    void poisonFileSubmittedEventsDoNotBlockTheReceiptBehindThem() {
        String fileId = "S1-20261124-" + String.format("%06d", 900_000 + (int) (Math.random() * 99_999));
        String receipt = ("RP" + UUID.randomUUID().toString().replace("-", "")).toUpperCase().substring(0, 20);
        RecordMetadata tombstone = send(Topics.FILE_SUBMITTED, fileId, null);
        RecordMetadata notJson = send(Topics.FILE_SUBMITTED, fileId, "submitted!");
        RecordMetadata badReceipt = send(Topics.FILE_SUBMITTED, fileId, new String(EventJson.write(new FileSubmitted(
                "submitted:" + fileId, PollerFixture.DATE, fileId, "S1", PollerFixture.DATE, 1, "r-1", 1,
                Instant.now())), StandardCharsets.UTF_8));
        RecordMetadata hugeFileId = send(Topics.FILE_SUBMITTED, fileId, new String(EventJson.write(new FileSubmitted(
                "submitted:x", PollerFixture.DATE, "S1-" + "9".repeat(10_000), "S1", PollerFixture.DATE, 1, receipt, 1,
                Instant.now())), StandardCharsets.UTF_8));
        RecordMetadata badType = send(Topics.FILE_SUBMITTED, fileId, new String(EventJson.write(new FileSubmitted(
                "submitted:" + fileId, PollerFixture.DATE, fileId, "X9", PollerFixture.DATE, 1, receipt, 1,
                Instant.now())), StandardCharsets.UTF_8));
        send(Topics.FILE_SUBMITTED, fileId, new String(EventJson.write(new FileSubmitted("submitted:" + fileId,
                PollerFixture.DATE, fileId, "S1", PollerFixture.DATE, 1, receipt, 1, Instant.now())),
                StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(60)).until(() -> fx.receiptRows(receipt) == 1);
        assertThat(fx.receiptRow(receipt)).containsEntry("file_id", fileId);
        assertThat(reason(tombstone)).contains("empty message (tombstone)");
        assertThat(reason(notJson)).contains("unreadable JSON");
        assertThat(reason(badReceipt)).contains("field receiptNo");
        assertThat(reason(hugeFileId)).contains("field fileId");
        assertThat(reason(badType)).contains("field fileType");
        assertThat(fx.jdbc.queryForObject("SELECT COUNT(*) FROM pending_receipt WHERE file_id LIKE 'S1-999%'",
                Integer.class)).isZero();
    }
}
