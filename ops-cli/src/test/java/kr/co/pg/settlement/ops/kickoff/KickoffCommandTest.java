package kr.co.pg.settlement.ops.kickoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.ops.KafkaClients;
import kr.co.pg.settlement.ops.KafkaConnection;
import kr.co.pg.settlement.ops.OpsTestSupport;
import kr.co.pg.settlement.ops.OpsTestSupport.Run;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KickoffCommandTest {

    private static String db;
    private static Map<String, String> env;

    @BeforeAll
    static void setUp() {
        OpsTestSupport.createTopics(new NewTopic(Topics.KICKOFF, 4, (short) 1));
        db = OpsTestSupport.settlementDb("ops_kickoff");
        env = OpsTestSupport.env(db, null);
    }

    @Test
    void producesTheKickoffExactlyAsTheContractFixesIt() {
        Run run = OpsTestSupport.run(env, "kickoff", "DIFF_SETTLEMENT_REQUEST", "--date", "2026-11-24", "--by", "ops-test");

        assertThat(run.code()).as(run.err()).isZero();
        String kickoffId = run.out().lines().findFirst().orElseThrow();
        assertThat(UUID.fromString(kickoffId).toString()).isEqualTo(kickoffId);
        ConsumerRecord<String, byte[]> record = awaitKickoff(kickoffId);
        assertThat(record.key()).isEqualTo("DIFF_SETTLEMENT_REQUEST");
        String json = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(json).matches("\\{\"kickoffId\":\"" + kickoffId + "\",\"job\":\"DIFF_SETTLEMENT_REQUEST\","
                + "\"businessDate\":\"2026-11-24\",\"requestedAt\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+09:00\","
                + "\"requestedBy\":\"ops-test\"}");
        assertThat(headers(record)).containsEntry("eventId", kickoffId).containsEntry("eventType", "KickoffRequested")
                .containsEntry("businessDate", "2026-11-24");
    }

    @Test
    void waitFollowsTheJobRunUntilDone() {
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> OpsTestSupport.run(env, "kickoff",
                "SUBMERCHANT_REGISTRATION_REQUEST", "--date", "2026-11-25", "--wait", "--poll-interval", "100ms",
                "--timeout", "60s"));
        String kickoffId = awaitKickoffOf("SUBMERCHANT_REGISTRATION_REQUEST", "2026-11-25");
        OpsTestSupport.execute(db, "INSERT INTO job_run (kickoff_id, job, business_date, status, started_at)"
                + " VALUES ('" + kickoffId + "', 'SUBMERCHANT_REGISTRATION_REQUEST', '2026-11-25', 'RUNNING', NOW(3))");
        OpsTestSupport.execute(db, "UPDATE job_run SET status = 'DONE', files_created = 2, rows_collected = 1500,"
                + " rows_rejected = 3, finished_at = NOW(3) WHERE kickoff_id = '" + kickoffId + "'");

        Run run = running.join();

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith(kickoffId + "\n")
                .contains("DONE: files created 2, rows collected 1500, rejected 3, not eligible 0");
    }

    @Test
    void waitExitsNonZeroWhenTheRunFailed() {
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> OpsTestSupport.run(env, "kickoff",
                "DIFF_SETTLEMENT_REQUEST", "--date", "2026-11-26", "--wait", "--poll-interval", "100ms", "--timeout", "60s"));
        String kickoffId = awaitKickoffOf("DIFF_SETTLEMENT_REQUEST", "2026-11-26");
        OpsTestSupport.execute(db, "INSERT INTO job_run (kickoff_id, job, business_date, status, started_at, message)"
                + " VALUES ('" + kickoffId + "', 'DIFF_SETTLEMENT_REQUEST', '2026-11-26', 'FAILED', NOW(3), 'database down')");

        Run run = running.join();

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED: database down");
    }

    @Test
    void waitForAResultJobEndsWhenThePollerTookItAndNoRowOfTheDateWaitsForKis() {
        String poller = OpsTestSupport.pollerDb("ops_kickoff_poller");
        Map<String, String> withPoller = OpsTestSupport.env(db, poller);
        OpsTestSupport.execute(db, "INSERT INTO kis_file (file_id, file_type, file_date, file_seq, business_date,"
                + " record_count, created_at, status, receipt_no, updated_at) VALUES ('S1-20261120-000001', 'S1',"
                + " '2026-11-20', 1, '2026-11-20', 2, NOW(3), 'SUBMITTED', 'R1', NOW(3))",
                "INSERT INTO settlement_request (transaction_id, file_id, seq, business_date, expected_amount, status,"
                        + " created_at, updated_at) VALUES ('T1', 'S1-20261120-000001', 1, '2026-11-20', 10, 'SENT', NOW(3), NOW(3)),"
                        + " ('T2', 'S1-20261120-000001', 2, '2026-11-20', 20, 'SENT', NOW(3), NOW(3))");
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> OpsTestSupport.run(withPoller, "kickoff",
                "DIFF_SETTLEMENT_RESULT", "--date", "2026-11-20", "--wait", "--poll-interval", "100ms", "--timeout", "60s"));
        String kickoffId = awaitKickoffOf("DIFF_SETTLEMENT_RESULT", "2026-11-20");
        OpsTestSupport.execute(poller, "INSERT INTO processed_event (consumer, event_id, processed_at)"
                + " VALUES ('poller-kickoff', '" + kickoffId + "', NOW(3))");
        OpsTestSupport.execute(db, "UPDATE settlement_request SET status = 'SETTLED', result_code = '0000'"
                + " WHERE transaction_id = 'T1'");
        assertThat(running).isNotDone();
        OpsTestSupport.execute(db, "UPDATE settlement_request SET status = 'REJECTED', result_code = 'E204'"
                + " WHERE transaction_id = 'T2'");

        Run run = running.join();

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("DONE: no row of the 2026-11-20 files waits for KIS")
                .contains("rows of the 2026-11-20 files by status: {REJECTED=1, SETTLED=1}");
    }

    @Test
    void waitGivesUpAtTheTimeoutWithExitOne() {
        Run run = OpsTestSupport.run(env, "kickoff", "DIFF_SETTLEMENT_REQUEST", "--date", "2026-11-27", "--wait",
                "--poll-interval", "100ms", "--timeout", "1s");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("waiting for the collector to start it").contains("TIMEOUT after PT1S");
    }

    private static String awaitKickoffOf(String job, String date) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            readAll().stream().filter(r -> job.equals(r.key()))
                    .filter(r -> date.equals(headers(r).get("businessDate"))).forEach(found::add);
            return !found.isEmpty();
        });
        return headers(found.get(0)).get("eventId");
    }

    private static ConsumerRecord<String, byte[]> awaitKickoff(String kickoffId) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            readAll().stream().filter(r -> kickoffId.equals(headers(r).get("eventId"))).forEach(found::add);
            return !found.isEmpty();
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static List<ConsumerRecord<String, byte[]>> readAll() {
        try (KafkaConsumer<String, byte[]> consumer = KafkaClients.reader(KafkaConnection.plaintext(OpsTestSupport.kafka()), false)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.KICKOFF).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
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

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        return java.util.stream.StreamSupport.stream(record.headers().spliterator(), false)
                .collect(Collectors.toMap(Header::key, h -> new String(h.value(), StandardCharsets.UTF_8), (a, b) -> b));
    }
}
