package kr.co.pg.settlement.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.events.FileSubmitted;
import kr.co.pg.settlement.events.RegistrationFileRequested;
import kr.co.pg.settlement.events.RegistrationResultsReceived;
import kr.co.pg.settlement.events.RegistrationResultsReceived.RegistrationResult;
import kr.co.pg.settlement.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Registration end to end on real MariaDB and Kafka, relay on: kick-off → outbox → Kafka → SENT → REGISTERED/REJECTED. */
@SpringBootTest(properties = "settlement.collector.registration-file-size=2")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistrationFlowTest {

    static final ItSupport it = new ItSupport("collector_reg");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        it.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    final String kickoffId = UUID.randomUUID().toString();
    final String fileDate = it.businessDate.toString().replace("-", "");
    final String file1 = "R1-" + fileDate + "-000001";
    final String file2 = "R1-" + fileDate + "-000002";

    @BeforeAll
    void setUp() {
        insertSubMerchant("SM000001", "2208162517", "가나다상점", "홍길동", "2020-01-01", null, "NONE");
        insertSubMerchant("SM000002", "1248100998", "라마바 주식회사", "김철수", "2019-05-05", null, "CHANGED");
        insertSubMerchant("SM000003", "2208162517", "사아자마트", "이영희", "2018-03-03", "2030-01-01", "CLOSE_PENDING");
        insertSubMerchant("SM000004", "1048100056", "체크디지트오류", "박민수", "2020-01-01", null, "NONE");
        insertSubMerchant("SM000005", "1248100998", "이모지상점😀", "최지우", "2020-01-01", null, "NONE");
        insertSubMerchant("SM000006", "1248100998", "대표자없음", "   ", "2020-01-01", null, "NONE");
        insertSubMerchant("SM000007", "2208162517", "이미등록", "정우성", "2020-01-01", null, "REGISTERED");
        it.awaitAssigned(listeners);
    }

    @AfterAll
    void tearDown() {
        it.close();
    }

    @Test
    @Order(1)
    void kickoffCollectsValidSubMerchantsIntoFilesAndRejectsLocalFailures() {
        it.send(Topics.KICKOFF, "SUBMERCHANT_REGISTRATION_REQUEST", it.kickoff(kickoffId, "SUBMERCHANT_REGISTRATION_REQUEST"));

        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(jobStatus(kickoffId)));
        assertThat(status("SM000001")).isEqualTo("REQUESTED");
        assertThat(status("SM000002")).isEqualTo("REQUESTED");
        assertThat(status("SM000003")).isEqualTo("REQUESTED");
        assertThat(status("SM000007")).isEqualTo("REGISTERED");
        assertThat(jdbc.queryForMap("SELECT kis_reg_status, kis_reg_result_code, kis_reg_result_msg FROM sub_merchant"
                + " WHERE sub_merchant_id = 'SM000004'"))
                .containsEntry("kis_reg_status", "REJECTED").containsEntry("kis_reg_result_code", "L101");
        assertThat(jdbc.queryForMap("SELECT * FROM sub_merchant WHERE sub_merchant_id = 'SM000005'"))
                .containsEntry("kis_reg_status", "REJECTED").containsEntry("kis_reg_result_code", "L102");
        assertThat((String) jdbc.queryForMap("SELECT * FROM sub_merchant WHERE sub_merchant_id = 'SM000005'")
                .get("kis_reg_result_msg")).contains("business_name");
        assertThat(jdbc.queryForMap("SELECT * FROM sub_merchant WHERE sub_merchant_id = 'SM000006'"))
                .containsEntry("kis_reg_status", "REJECTED").containsEntry("kis_reg_result_code", "L103");
        assertThat(jdbc.queryForList("SELECT file_id FROM kis_file ORDER BY file_id", String.class))
                .containsExactly(file1, file2);

        List<RegistrationFileRequested> events = await().atMost(Duration.ofSeconds(60)).until(
                () -> it.readAll(Topics.REGISTRATION_FILE_REQUESTED, r -> r.key().startsWith("R1-" + fileDate))
                        .stream().map(r -> EventJson.read(r.value(), RegistrationFileRequested.class)).toList(),
                list -> list.size() >= 2);
        assertThat(events).hasSize(2);
        RegistrationFileRequested first = events.stream().filter(e -> e.fileId().equals(file1)).findFirst().orElseThrow();
        RegistrationFileRequested second = events.stream().filter(e -> e.fileId().equals(file2)).findFirst().orElseThrow();
        assertThat(first.fileSeq()).isEqualTo(1);
        assertThat(first.fileDate()).isEqualTo(it.businessDate);
        assertThat(first.records()).extracting(RegistrationFileRequested.Registration::seq,
                        RegistrationFileRequested.Registration::subMerchantId, RegistrationFileRequested.Registration::requestType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "SM000001", "N"),
                        org.assertj.core.groups.Tuple.tuple(2, "SM000002", "U"));
        assertThat(second.records()).singleElement().satisfies(r -> {
            assertThat(r.seq()).isEqualTo(1);
            assertThat(r.subMerchantId()).isEqualTo("SM000003");
            assertThat(r.requestType()).isEqualTo("C");
            assertThat(r.closedOn()).isEqualTo(LocalDate.of(2030, 1, 1));
            assertThat(r.businessName()).isEqualTo("사아자마트");
        });
        assertThat(first.records().get(0).businessName()).isEqualTo("가나다상점");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM registration_request", Integer.class)).isEqualTo(3);
    }

    @Test
    @Order(2)
    void sameKickoffTwiceChangesNothing() {
        Map<String, List<Map<String, Object>>> before = snapshot();
        it.send(Topics.KICKOFF, "SUBMERCHANT_REGISTRATION_REQUEST", it.kickoff(kickoffId, "SUBMERCHANT_REGISTRATION_REQUEST"));
        it.awaitConsumed(Topics.KICKOFF);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kis_file", Integer.class)).isEqualTo(2);
    }

    @Test
    @Order(3)
    void malformedAndUnknownKickoffsGoToTheDeadLetterTopicAndTheNextOneRuns() {
        String malformedMarker = "malformed-" + UUID.randomUUID();
        String unknownId = "unknown-" + UUID.randomUUID();
        it.send(Topics.KICKOFF, "SUBMERCHANT_REGISTRATION_REQUEST",
                ("{\"kickoffId\": \"" + malformedMarker + "\", \"job\": ").getBytes(StandardCharsets.UTF_8));
        it.send(Topics.KICKOFF, "SUBMERCHANT_REGISTRATION_REQUEST", it.kickoff(unknownId, "MAKE_COFFEE"));
        String next = UUID.randomUUID().toString();
        it.send(Topics.KICKOFF, "SUBMERCHANT_REGISTRATION_REQUEST", it.kickoff(next, "SUBMERCHANT_REGISTRATION_REQUEST"));

        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(jobStatus(next)));
        List<ConsumerRecord<String, byte[]>> dead = await().atMost(Duration.ofSeconds(30)).until(
                () -> it.readAll(Topics.DLT_COLLECTOR, r -> {
                    String v = new String(r.value(), StandardCharsets.UTF_8);
                    return v.contains(malformedMarker) || v.contains(unknownId);
                }), l -> l.size() >= 2);
        assertThat(dead).hasSize(2);
        ConsumerRecord<String, byte[]> malformed = dead.stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(malformedMarker)).findFirst().orElseThrow();
        ConsumerRecord<String, byte[]> unknown = dead.stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(unknownId)).findFirst().orElseThrow();
        assertThat(header(malformed, "dltReason")).contains("not valid JSON");
        assertThat(header(unknown, "dltReason")).contains("unknown job 'MAKE_COFFEE'");
        assertThat(header(unknown, "kafka_dlt-original-topic")).isEqualTo(Topics.KICKOFF);
        // the run after them found nothing left: still two files
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kis_file", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM job_run WHERE kickoff_id IN (?, ?)", Integer.class,
                malformedMarker, unknownId)).isZero();
    }

    @Test
    @Order(4)
    void fileSubmittedThenResultsSetSentThenRegisteredOrRejected() {
        it.send(Topics.FILE_SUBMITTED, submitted(file1, "RCPT0000000000000001", 2));
        it.send(Topics.FILE_SUBMITTED, submitted(file2, "RCPT0000000000000002", 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(status("SM000001"))
                && "SENT".equals(status("SM000002")) && "SENT".equals(status("SM000003")));
        assertThat(jdbc.queryForMap("SELECT status, receipt_no FROM kis_file WHERE file_id = ?", file1))
                .containsEntry("status", "SUBMITTED").containsEntry("receipt_no", "RCPT0000000000000001");

        it.send(Topics.REGISTRATION_RESULTS, results1());
        it.send(Topics.REGISTRATION_RESULTS, results2());
        await().atMost(Duration.ofSeconds(30)).until(() -> "REGISTERED".equals(status("SM000001"))
                && "REJECTED".equals(status("SM000002")) && "REGISTERED".equals(status("SM000003")));

        Map<String, Object> registered = jdbc.queryForMap("SELECT * FROM sub_merchant WHERE sub_merchant_id = 'SM000001'");
        assertThat(registered).containsEntry("kis_reg_result_code", "0000").containsEntry("kis_reg_result_msg", "정상")
                .containsEntry("fee_tier", "SMALL").containsEntry("kis_sub_merchant_no", "KIS000000000001")
                .containsEntry("tier_valid_from", java.sql.Date.valueOf("2025-08-14"))
                .containsEntry("tier_valid_to", java.sql.Date.valueOf("2026-02-13"));
        assertThat(registered.get("kis_reg_updated_at")).isNotNull();
        assertThat(jdbc.queryForMap("SELECT * FROM sub_merchant WHERE sub_merchant_id = 'SM000002'"))
                .containsEntry("kis_reg_result_code", "E104").containsEntry("kis_reg_result_msg", "미등록 가맹점")
                .containsEntry("fee_tier", null);
        assertThat(jdbc.queryForMap("SELECT * FROM sub_merchant WHERE sub_merchant_id = 'SM000003'"))
                .containsEntry("kis_reg_result_code", "0000").containsEntry("fee_tier", null)
                .containsEntry("tier_valid_to", java.sql.Date.valueOf("2030-01-01"))
                .containsEntry("kis_sub_merchant_no", "KIS000000000003");
        assertThat(jdbc.queryForList("SELECT status FROM registration_request ORDER BY file_id, seq", String.class))
                .containsExactly("REGISTERED", "REJECTED", "REGISTERED");
        assertThat(jdbc.queryForList("SELECT status FROM kis_file ORDER BY file_id", String.class))
                .containsExactly("RESULT_RECEIVED", "RESULT_RECEIVED");
    }

    @Test
    @Order(5)
    void replayingTheSameEventsChangesNothing() {
        Map<String, List<Map<String, Object>>> before = snapshot();
        it.send(Topics.FILE_SUBMITTED, submitted(file1, "RCPT0000000000000001", 2));
        it.send(Topics.REGISTRATION_RESULTS, results1());
        it.send(Topics.REGISTRATION_RESULTS, results2());
        it.send(Topics.KICKOFF, "SUBMERCHANT_REGISTRATION_REQUEST", it.kickoff(kickoffId, "SUBMERCHANT_REGISTRATION_REQUEST"));
        it.awaitConsumed(Topics.FILE_SUBMITTED);
        it.awaitConsumed(Topics.REGISTRATION_RESULTS);
        it.awaitConsumed(Topics.KICKOFF);
        assertThat(snapshot()).isEqualTo(before);

        // a re-publication under another event id is stopped by the status guards (business key)
        RegistrationResultsReceived again = results1();
        it.send(Topics.REGISTRATION_RESULTS, new RegistrationResultsReceived("r2:other:1", again.businessDate(),
                again.fileId(), again.receiptNo(), 1, 1, again.results()));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM processed_event WHERE event_id = 'r2:other:1'", Integer.class) == 1);
        Map<String, List<Map<String, Object>>> after = snapshot();
        after.get("processed_event").removeIf(row -> "r2:other:1".equals(row.get("event_id")));
        assertThat(after).isEqualTo(before);
    }

    @Test
    @Order(6)
    void aRegistrationFileKisFailedIsResentInANewFile() {
        insertSubMerchant("SM000008", "2208162517", "새가게", "한가인", "2021-01-01", null, "NONE");
        String kickoff = UUID.randomUUID().toString();
        it.send(Topics.KICKOFF, "SUBMERCHANT_REGISTRATION_REQUEST", it.kickoff(kickoff, "SUBMERCHANT_REGISTRATION_REQUEST"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(jobStatus(kickoff)));
        String file3 = "R1-" + fileDate + "-000003";
        String file4 = "R1-" + fileDate + "-000004";
        it.send(Topics.FILE_SUBMITTED, submitted(file3, "RCPT0000000000000003", 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(status("SM000008")));

        it.send(Topics.FILE_FAILED, new kr.co.pg.settlement.events.FileFailed(
                kr.co.pg.settlement.events.FileFailed.eventIdFor(file3, "RCPT0000000000000003"), it.businessDate, file3,
                "R1", "RCPT0000000000000003", "FAILED", "processing failed at KIS", null, true, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM kis_file WHERE file_id = ?", Integer.class, file4) == 1);
        assertThat(jdbc.queryForMap("SELECT status, replaced_by_file_id FROM kis_file WHERE file_id = ?", file3))
                .containsEntry("status", "FAILED").containsEntry("replaced_by_file_id", file4);
        assertThat(status("SM000008")).isEqualTo("REQUESTED");
        assertThat(jdbc.queryForMap("SELECT file_id, seq, status FROM registration_request WHERE sub_merchant_id = 'SM000008'"))
                .containsEntry("file_id", file4).containsEntry("seq", 1).containsEntry("status", "REQUESTED");
        RegistrationFileRequested resent = await().atMost(Duration.ofSeconds(60)).until(
                () -> it.readAll(Topics.REGISTRATION_FILE_REQUESTED, r -> r.key().equals(file4)).stream()
                        .map(r -> EventJson.read(r.value(), RegistrationFileRequested.class)).findFirst().orElse(null),
                java.util.Objects::nonNull);
        assertThat(resent.fileSeq()).isEqualTo(4);
        assertThat(resent.records()).singleElement().satisfies(r -> {
            assertThat(r.subMerchantId()).isEqualTo("SM000008");
            assertThat(r.requestType()).isEqualTo("N");
            assertThat(r.seq()).isEqualTo(1);
        });
    }

    private FileSubmitted submitted(String fileId, String receipt, int count) {
        return new FileSubmitted(FileSubmitted.eventIdFor(fileId), it.businessDate, fileId, "R1", it.businessDate,
                Integer.parseInt(fileId.substring(fileId.length() - 6)), receipt, count, Instant.parse("2030-01-01T00:00:00Z"));
    }

    private RegistrationResultsReceived results1() {
        return new RegistrationResultsReceived(RegistrationResultsReceived.eventIdFor("RCPT0000000000000001", 1),
                it.businessDate, file1, "RCPT0000000000000001", 1, 1, List.of(
                new RegistrationResult(1, "N", "SM000001", "2208162517", "0000", "정상", "SMALL",
                        LocalDate.of(2025, 8, 14), LocalDate.of(2026, 2, 13), "KIS000000000001"),
                new RegistrationResult(2, "U", "SM000002", "1248100998", "E104", "미등록 가맹점", null, null, null, null)));
    }

    private RegistrationResultsReceived results2() {
        return new RegistrationResultsReceived(RegistrationResultsReceived.eventIdFor("RCPT0000000000000002", 1),
                it.businessDate, file2, "RCPT0000000000000002", 1, 1, List.of(
                new RegistrationResult(1, "C", "SM000003", "2208162517", "0000", "폐업 처리", null, null,
                        LocalDate.of(2030, 1, 1), "KIS000000000003")));
    }

    private String header(ConsumerRecord<String, byte[]> r, String name) {
        return r.headers().lastHeader(name) == null ? null
                : new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private String status(String subMerchantId) {
        return jdbc.queryForObject("SELECT kis_reg_status FROM sub_merchant WHERE sub_merchant_id = ?", String.class,
                subMerchantId);
    }

    private String jobStatus(String id) {
        return jdbc.queryForList("SELECT status FROM job_run WHERE kickoff_id = ?", String.class, id).stream()
                .findFirst().orElse(null);
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        return TableSnapshot.of(jdbc, "sub_merchant", "payment_transaction", "kis_file", "registration_request",
                "settlement_request", "reconciliation_break", "processed_event", "job_run", "outbox_event");
    }

    private void insertSubMerchant(String id, String businessNo, String name, String representative, String openedOn,
                                   String closedOn, String status) {
        jdbc.update("INSERT INTO sub_merchant (sub_merchant_id, business_no, business_name, representative_name, opened_on,"
                        + " closed_on, industry_code, phone, postal_code, address, kis_reg_status)"
                        + " VALUES (?, ?, ?, ?, ?, ?, '5411', '0212345678', '04524', '서울특별시 중구 세종대로 110', ?)",
                id, businessNo, name, representative, openedOn, closedOn, status);
    }

}
