package kr.co.pg.settlement.opsconsole;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.localstack.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The read API and the dead-letter re-drive against real MariaDB (the collector's and poller's schemas) and Kafka. */
class OpsApiTest extends ConsoleTestSupport {

    static final String DATE = "2026-05-20";

    @BeforeAll
    static void aDayInTheDatabases() {
        String threeHoursAgo = LocalDateTime.now(ZoneId.of("Asia/Seoul")).minusHours(3).withNano(0).toString().replace('T', ' ');
        settlementSql(
                "INSERT INTO sub_merchant (sub_merchant_id, business_no, business_name, representative_name, opened_on,"
                        + " kis_reg_status, fee_tier, tier_valid_from, tier_valid_to) VALUES"
                        + " ('SM-API-1', '1234567891', '하늘약국', '김하늘', '2020-01-01', 'REGISTERED', 'SMALL', '2024-01-01', '2027-01-01')",
                "INSERT INTO payment_transaction (transaction_id, sub_merchant_id, card_company, card_type, transaction_type,"
                        + " approval_no, approved_at, masked_card_no, amount, applied_fee_rate, fee_amount, diff_status,"
                        + " diff_expected_amount, diff_result_code, diff_updated_at) VALUES"
                        + " ('T-API-SETTLED', 'SM-API-1', 'KB', 'CREDIT', 'APPROVAL', '11111111', '2026-05-19 10:00:00',"
                        + "  '123456******1234', 10000, 1.500, 150, 'SETTLED', 110, '0000', NOW(3)),"
                        + " ('T-API-REJECTED', 'SM-API-1', 'KB', 'CREDIT', 'APPROVAL', '11111112', '2026-05-19 11:00:00',"
                        + "  '123456******1234', 20000, 1.500, 300, 'REJECTED', 220, 'E201', NOW(3)),"
                        + " ('T-API-SENT', 'SM-API-1', 'KB', 'CHECK', 'APPROVAL', '11111113', '2026-05-19 12:00:00',"
                        + "  '123456******1234', 30000, 1.500, 450, 'SENT', 375, NULL, '" + threeHoursAgo + "')",
                "INSERT INTO kis_file (file_id, file_type, file_date, file_seq, business_date, kickoff_id, record_count,"
                        + " created_at, status, receipt_no, updated_at) VALUES"
                        + " ('S1-20260520-000001', 'S1', '2026-05-20', 1, '2026-05-20', 'k-api-1', 3, NOW(3), 'SUBMITTED',"
                        + "  'S126052000000001S001', NOW(3))",
                "INSERT INTO settlement_request (transaction_id, file_id, seq, business_date, expected_amount, status,"
                        + " result_code, created_at, updated_at) VALUES"
                        + " ('T-API-SETTLED', 'S1-20260520-000001', 1, '2026-05-20', 110, 'SETTLED', '0000', NOW(3), NOW(3)),"
                        + " ('T-API-REJECTED', 'S1-20260520-000001', 2, '2026-05-20', 220, 'REJECTED', 'E201', NOW(3), NOW(3)),"
                        + " ('T-API-SENT', 'S1-20260520-000001', 3, '2026-05-20', 375, 'SENT', NULL, NOW(3), NOW(3))",
                "INSERT INTO reconciliation_break (transaction_id, business_date, file_id, expected_amount, settled_amount,"
                        + " recorded_at) VALUES ('T-API-SETTLED', '2026-05-20', 'S1-20260520-000001', 110, 100, NOW(3))",
                "INSERT INTO job_run (kickoff_id, job, business_date, status, files_created, rows_collected, started_at)"
                        + " VALUES ('k-api-1', 'DIFF_SETTLEMENT_REQUEST', '2026-05-20', 'RUNNING', 1, 3, NOW(3))",
                "INSERT INTO job_slice (kickoff_id, slice_no, slice_count, bounds, status, created_at) VALUES"
                        + " ('k-api-1', 1, 2, 'a|b', 'DONE', NOW(3)), ('k-api-1', 2, 2, 'b|c', 'PENDING', NOW(3))");
        pollerSql("INSERT INTO pending_receipt (receipt_no, file_id, file_type, business_date, file_date, file_seq,"
                + " record_count, status, attempts, next_poll_at, submitted_at) VALUES ('S126052000000001S001',"
                + " 'S1-20260520-000001', 'S1', '2026-05-20', '2026-05-20', 1, 3, 'PENDING', 2, NOW(3), NOW(3))");
    }

    @Test
    void theFourJobsOfADayWithTheirProgress() {
        JsonNode jobs = login(VIEWER).get("/api/days/" + DATE + "/jobs").json();
        assertThat(jobs).hasSize(4);
        JsonNode request = job(jobs, "DIFF_SETTLEMENT_REQUEST");
        assertThat(request.get("state").asString()).isEqualTo("RUNNING");
        assertThat(request.get("progressPercent").asInt()).isEqualTo(50);
        JsonNode run = request.get("runs").get(0);
        assertThat(run.get("kickoffId").asString()).isEqualTo("k-api-1");
        assertThat(run.get("slicesDone").asInt()).isEqualTo(1);
        assertThat(run.get("slicesTotal").asInt()).isEqualTo(2);
        assertThat(run.get("rowsCollected").asInt()).isEqualTo(3);
        assertThat(request.get("requestsByStatus").toString()).isEqualTo("{\"REJECTED\":1,\"SENT\":1,\"SETTLED\":1}");

        JsonNode result = job(jobs, "DIFF_SETTLEMENT_RESULT");
        assertThat(result.get("state").asString()).isEqualTo("WAITING_FOR_KIS");
        assertThat(result.get("openRows").asLong()).isEqualTo(1);
        assertThat(result.get("totalRows").asLong()).isEqualTo(3);
        assertThat(result.get("progressPercent").asInt()).isEqualTo(66);
        assertThat(result.get("receiptsByStatus").toString()).isEqualTo("{\"PENDING\":1}");
        assertThat(job(jobs, "SUBMERCHANT_REGISTRATION_REQUEST").get("state").asString()).isEqualTo("NOT_STARTED");
    }

    @Test
    void filesReceiptsRowsRejectionsBreaksAndStuckRows() {
        ConsoleClient viewer = login(VIEWER);
        JsonNode files = viewer.get("/api/days/" + DATE + "/files").json();
        assertThat(files.get("files").get(0).get("fileId").asString()).isEqualTo("S1-20260520-000001");
        assertThat(files.get("files").get(0).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(files.get("receipts").get(0).get("receiptNo").asString()).isEqualTo("S126052000000001S001");
        assertThat(files.get("receipts").get(0).get("attempts").asInt()).isEqualTo(2);

        JsonNode rows = viewer.get("/api/rows").json();
        assertThat(rows.get("transactionsByStatus").get("SETTLED").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(rows.get("receiptsByStatus").get("PENDING").asLong()).isGreaterThanOrEqualTo(1);

        assertThat(viewer.get("/api/days/" + DATE + "/rejections").json().get("settlement").toString())
                .isEqualTo("{\"E201\":1}");
        JsonNode breaks = viewer.get("/api/days/" + DATE + "/breaks").json();
        assertThat(breaks).hasSize(1);
        assertThat(breaks.get(0).get("settled").asLong()).isEqualTo(100);

        JsonNode stuck = viewer.get("/api/stuck?olderThan=PT2H").json();
        assertThat(stuck.get("transactions").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stuck.get("examples").toString()).contains("T-API-SENT");
        assertThat(viewer.get("/api/stuck?olderThan=PT5H").json().get("examples").toString()).doesNotContain("T-API-SENT");
    }

    @Test
    void aTransactionsStoryComesFromTheOpsCli() {
        ConsoleClient viewer = login(VIEWER);
        JsonNode story = viewer.get("/api/transactions/T-API-REJECTED").json();
        assertThat(story.get("story").asString()).contains("Transaction T-API-REJECTED")
                .contains("S1-20260520-000001").contains("E201").contains("S126052000000001S001 at the poller: PENDING")
                .doesNotContain("1234567890123456");
        assertThat(viewer.get("/api/transactions/T-NOT-THERE").status()).isEqualTo(404);
    }

    @Test
    void deadLettersAreListedAndReDrivenOnceAfterConfirmation() {
        RecordMetadata dead;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka()),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> r = new ProducerRecord<>(Topics.DLT_COLLECTOR, 0, "S1-20260520-000009",
                    "{\"eventId\":\"submitted:S1-20260520-000009\"}".getBytes(StandardCharsets.UTF_8));
            r.headers().add("eventId", utf8("submitted:S1-20260520-000009"));
            r.headers().add("eventType", utf8("FileSubmitted"));
            r.headers().add("businessDate", utf8(DATE));
            r.headers().add("kafka_dlt-original-topic", utf8(Topics.FILE_SUBMITTED));
            r.headers().add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(2).array());
            r.headers().add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(41).array());
            r.headers().add("dltReason", utf8("unknown file id"));
            r.headers().add("dltField", utf8("fileId"));
            r.headers().add("dltValue", utf8("S1-20260520-000009"));
            dead = producer.send(r).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String id = Topics.DLT_COLLECTOR + ":0:" + dead.offset();

        JsonNode listed = letter(login(VIEWER).get("/api/dead-letters").json(), id);
        assertThat(listed.get("originalTopic").asString()).isEqualTo(Topics.FILE_SUBMITTED);
        assertThat(listed.get("originalPartition").asInt()).isEqualTo(2);
        assertThat(listed.get("originalOffset").asLong()).isEqualTo(41);
        assertThat(listed.get("reason").asString()).isEqualTo("unknown file id (field fileId = 'S1-20260520-000009')");
        assertThat(listed.get("redriven").isNull()).isTrue();

        ConsoleClient operator = login(OPERATOR);
        try (KafkaTestClient kafka = new KafkaTestClient(kafka(), List.of(Topics.FILE_SUBMITTED))) {
            JsonNode dryRun = operator.post("/api/actions/dlt-redrive", Map.of("id", id)).json();
            assertThat(dryRun.get("phase").asString()).isEqualTo("DRY_RUN");
            assertThat(dryRun.get("output").asString()).contains(id + ": would re-drive to " + Topics.FILE_SUBMITTED + " partition 2");
            ConsoleClient.Response done = operator.post("/api/actions/dlt-redrive",
                    Map.of("id", id, "confirm", "true", "token", dryRun.get("token").asString()));
            assertThat(done.status()).as(done.body()).isEqualTo(200);
            assertThat(done.json().get("output").asString()).contains("re-driven 1");
            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                List<ConsumerRecord<String, byte[]>> back = kafka.received(Topics.FILE_SUBMITTED,
                        r -> id.equals(KafkaTestClient.header(r, "redrivenFrom")));
                assertThat(back).hasSize(1);
                assertThat(back.get(0).partition()).isEqualTo(2);
                assertThat(back.get(0).key()).isEqualTo("S1-20260520-000009");
                assertThat(StreamSupport.stream(back.get(0).headers().spliterator(), false).map(h -> h.key()))
                        .contains("eventId", "eventType", "businessDate").doesNotContain("dltReason", "kafka_dlt-original-topic");
            });
        }
        assertThat(letter(login(VIEWER).get("/api/dead-letters").json(), id).get("redriven").asString())
                .contains("ops-console:otto");

        // never twice: the ops-cli's ledger refuses the second dry run
        ConsoleClient.Response second = operator.post("/api/actions/dlt-redrive", Map.of("id", id));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("output").asString()).contains("already re-driven, not again");
    }

    @Test
    void aReplayIsPreviewedByTheOpsCliThenMovesTheGroupsOffsets() {
        ConsoleClient operator = login(OPERATOR);
        Map<String, String> params = Map.of("businessDate", DATE, "group", "settlement-kis-gateway");
        ConsoleClient.Response dryRun = operator.post("/api/actions/replay", params);
        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(dryRun.json().get("output").asString()).contains("replay from business date " + DATE + " - DRY RUN")
                .contains("group settlement-kis-gateway").contains(Topics.SETTLEMENT_FILE_REQUESTED);
        ConsoleClient.Response done = operator.post("/api/actions/replay", Map.of("businessDate", DATE,
                "group", "settlement-kis-gateway", "confirm", "true", "token", dryRun.json().get("token").asString()));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("output").asString()).contains("moved ").contains("of 1 group(s)");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        ConsoleClient viewer = login(VIEWER);
        ConsoleClient.Response docs = viewer.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode openapi = docs.json();
        assertThat(openapi.get("openapi").asString()).startsWith("3.");
        assertThat(openapi.get("paths").propertyNames()).contains("/api/actions/kickoff", "/api/actions/replay",
                "/api/actions/dlt-redrive", "/api/days/{date}/jobs", "/api/dead-letters", "/api/transactions/{id}",
                "/api/schedule", "/api/audit");
        ConsoleClient.Response ui = viewer.get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }

    @Test
    void theCollectorsDayReportAndTheSchedulersScheduleArePassedThrough() {
        ConsoleClient viewer = login(VIEWER);
        JsonNode report = viewer.get("/api/days/" + DATE + "/report").json();
        assertThat(report.get("settlement").get("expectedAmount").asLong()).isEqualTo(705);
        assertThat(report.get("fileProblems").get(0).get("fileId").asString()).isEqualTo("S1-20260520-000002");
        JsonNode schedule = viewer.get("/api/schedule?runs=2").json();
        assertThat(schedule.get("jobs").get(0).get("nextRuns").get(1).get("reason").asString()).isEqualTo("기독탄신일");

        ConsoleClient.Response down = viewer.get("/api/days/2026-05-21/report");
        assertThat(down.status()).isEqualTo(502);
        assertThat(down.json().get("error").asString()).isEqualTo("collector answered 503 to GET " + SERVICES_URL
                + "/api/reports/day/2026-05-21");
    }

    private static JsonNode job(JsonNode jobs, String name) {
        for (JsonNode j : jobs) {
            if (j.get("job").asString().equals(name)) {
                return j;
            }
        }
        throw new AssertionError("no job " + name + " in " + jobs);
    }

    private static JsonNode letter(JsonNode topics, String id) {
        for (JsonNode t : topics) {
            for (JsonNode l : t.get("latest")) {
                if (l.get("id").asString().equals(id)) {
                    return l;
                }
            }
        }
        throw new AssertionError("no dead letter " + id + " in " + topics);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
