package kr.co.pg.settlement.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.co.pg.settlement.collector.application.DayReport;
import kr.co.pg.settlement.collector.application.DayReportService;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.events.FileFailed;
import kr.co.pg.settlement.events.FileSubmitted;
import kr.co.pg.settlement.events.SettlementFileRequested;
import kr.co.pg.settlement.events.SettlementResultsReceived;
import kr.co.pg.settlement.events.SettlementResultsReceived.SettlementResult;
import kr.co.pg.settlement.events.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Difference settlement end to end on real MariaDB and Kafka (relay on), with a resend, a refusal and the day report. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"settlement.collector.settlement-file-size=3", "settlement.report.stuck-after=PT0S",
                // the rules, not the slicing, are under test here: one slice keeps the pages below
                "settlement.collector.slices=1"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettlementFlowTest {

    static final ItSupport it = new ItSupport("collector_diff");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        it.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    DayReportService reports;
    @Value("${local.server.port}")
    int port;

    final LocalDate d = it.businessDate;
    final LocalDateTime dayBefore = d.minusDays(1).atStartOfDay();
    final String date = d.toString().replace("-", "");
    final String file1 = "S1-" + date + "-000001";
    final String file2 = "S1-" + date + "-000002";
    final String file3 = "S1-" + date + "-000003";
    final String file4 = "S1-" + date + "-000004";
    final String kickoffId = UUID.randomUUID().toString();

    /** Pages of 3 in (approved_at, transaction_id) order: [T003 T001 T002] [T005 T006 T008] [T010 T011 T004] [T012]. */
    @BeforeAll
    void setUp() {
        subMerchant("SMA", "REGISTERED", "SMALL", d.minusDays(30), d.plusDays(30));
        subMerchant("SMG", "REGISTERED", "GENERAL", d.minusDays(30), d.plusDays(30));
        subMerchant("SMX", "SENT", null, null, null);
        subMerchant("SMO", "REGISTERED", "SMALL", d, d.plusDays(30));
        tx("T001", "SMA", "CREDIT", "APPROVAL", "A001", dayBefore.plusHours(10), null, null, "123456******1234", 10_000, "2.300", "NONE");
        tx("T002", "SMA", "CREDIT", "PARTIAL_CANCEL", "A002", dayBefore.plusHours(10), "A900", d.minusDays(5), "123456******1234", -9_545, "2.400", "NONE");
        tx("T003", "SMA", "CREDIT", "APPROVAL", "A003", dayBefore.plusHours(9), null, null, "123456******1234", 5_000, "2.300", "NONE");
        tx("T004", "SMA", "CREDIT", "CANCEL", "C004", dayBefore.plusHours(15), "A003", d.minusDays(1), "123456******1234", -5_000, "2.300", "NONE");
        tx("T005", "SMG", "CREDIT", "APPROVAL", "A005", dayBefore.plusHours(10), null, null, "123456******1234", 10_000, "2.300", "NONE");
        tx("T006", "SMA", "CREDIT", "APPROVAL", "A006", dayBefore.plusHours(10), null, null, "123456******1234", 10_000, "0.400", "NONE");
        tx("T007", "SMX", "CREDIT", "APPROVAL", "A007", dayBefore.plusHours(10), null, null, "123456******1234", 10_000, "2.300", "NONE");
        tx("T008", "SMA", "CREDIT", "APPROVAL", "A008", dayBefore.plusHours(10), null, null, "1234567812345678", 10_000, "2.300", "NONE");
        tx("T009", "SMA", "CREDIT", "APPROVAL", "A009", d.atStartOfDay(), null, null, "123456******1234", 10_000, "2.300", "NONE");
        tx("T010", "SMO", "CREDIT", "APPROVAL", "A010", dayBefore.plusHours(10), null, null, "123456******1234", 10_000, "2.300", "NONE");
        tx("T011", "SMA", "CHECK", "APPROVAL", "A011", dayBefore.plusHours(10), null, null, "123456******1234", 10_000, "1.000", "NONE");
        tx("T012", "SMA", "CREDIT", "CANCEL", "C012", dayBefore.plusHours(16), "A013", d.minusDays(1), "123456******1234", -10_000, "2.300", "NONE");
        tx("T013", "SMA", "CREDIT", "APPROVAL", "A013", dayBefore.plusHours(8), null, null, "123456******1234", 10_000, "2.300", "SENT");
        it.awaitAssigned(listeners);
    }

    @AfterAll
    void tearDown() {
        it.close();
    }

    @Test
    @Order(1)
    void kickoffCollectsEligibleTransactionsAndMarksTheRest() {
        it.send(Topics.KICKOFF, "DIFF_SETTLEMENT_REQUEST", it.kickoff(kickoffId, "DIFF_SETTLEMENT_REQUEST"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(jobStatus(kickoffId)));

        assertThat(row("T001")).containsEntry("diff_status", "COLLECTED").containsEntry("diff_expected_amount", 190L);
        assertThat(row("T002")).containsEntry("diff_status", "COLLECTED").containsEntry("diff_expected_amount", -190L);
        assertThat(row("T003")).containsEntry("diff_status", "NOT_ELIGIBLE").containsEntry("diff_result_code", "N003");
        assertThat(row("T004")).containsEntry("diff_status", "NOT_ELIGIBLE").containsEntry("diff_result_code", "N003");
        assertThat(row("T005")).containsEntry("diff_status", "NOT_ELIGIBLE").containsEntry("diff_result_code", "N001");
        assertThat(row("T006")).containsEntry("diff_status", "NOT_ELIGIBLE").containsEntry("diff_result_code", "N002");
        assertThat(row("T007")).containsEntry("diff_status", "NONE").containsEntry("diff_result_code", null);
        assertThat(row("T008")).containsEntry("diff_status", "REJECTED").containsEntry("diff_result_code", "L201");
        assertThat(row("T009")).containsEntry("diff_status", "NONE");
        assertThat(row("T010")).containsEntry("diff_status", "NOT_ELIGIBLE").containsEntry("diff_result_code", "N001");
        assertThat(row("T011")).containsEntry("diff_status", "COLLECTED").containsEntry("diff_expected_amount", 85L);
        assertThat(row("T012")).containsEntry("diff_status", "COLLECTED").containsEntry("diff_expected_amount", -190L);
        assertThat(row("T013")).containsEntry("diff_status", "SENT");
        assertThat(row("T001").get("diff_updated_at")).isNotNull();
        assertThat(jdbc.queryForList("SELECT CONCAT(file_id, ':', seq, ':', transaction_id) FROM settlement_request"
                + " ORDER BY file_id, seq", String.class))
                .containsExactly(file1 + ":1:T001", file1 + ":2:T002", file2 + ":1:T011", file3 + ":1:T012");

        List<SettlementFileRequested> events = awaitFileEvents(3);
        SettlementFileRequested first = events.stream().filter(e -> e.fileId().equals(file1)).findFirst().orElseThrow();
        assertThat(first.records()).hasSize(2);
        SettlementFileRequested.Transaction t2 = first.records().get(1);
        assertThat(t2.transactionId()).isEqualTo("T002");
        assertThat(t2.expectedDifference()).isEqualTo(-190);
        assertThat(t2.kisSubMerchantNo()).isEqualTo("KISSMA");
        assertThat(t2.businessNo()).isEqualTo("2208162517");
        assertThat(t2.originalApprovalNo()).isEqualTo("A900");
        assertThat(t2.appliedFeeRate()).isEqualByComparingTo(new BigDecimal("2.400"));
        assertThat(events).flatExtracting(SettlementFileRequested::records)
                .allSatisfy(r -> assertThat(r.maskedCardNo()).matches("^\\d{6}\\*{6}\\d{4}$"));
    }

    @Test
    @Order(2)
    void aFailedFileIsResentWithTheSameRowsAndARefusedOneStaysVisible() {
        it.send(Topics.FILE_FAILED, new FileFailed(FileFailed.eventIdFor(file3, "RCPT3"), d, file3, "S1", "RCPT3",
                "FAILED", "KIS could not process the file", null, true, Instant.now()));
        it.send(Topics.FILE_FAILED, new FileFailed(FileFailed.eventIdFor(file2, null), d, file2, "S1", null,
                "K422", "trailer sum of amounts differs", 3, false, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM kis_file WHERE status IN ('FAILED', 'REFUSED')", Integer.class) == 2);
        assertThat(jdbc.queryForMap("SELECT * FROM kis_file WHERE file_id = ?", file3))
                .containsEntry("status", "FAILED").containsEntry("replaced_by_file_id", file4);
        assertThat(jdbc.queryForMap("SELECT * FROM kis_file WHERE file_id = ?", file2))
                .containsEntry("status", "REFUSED").containsEntry("failure_code", "K422").containsEntry("failure_line", 3);
        assertThat(jdbc.queryForMap("SELECT file_id, seq FROM settlement_request WHERE transaction_id = 'T012'"))
                .containsEntry("file_id", file4).containsEntry("seq", 1);
        assertThat(row("T011")).containsEntry("diff_status", "COLLECTED");
        List<SettlementFileRequested> events = awaitFileEvents(4);
        assertThat(events.stream().filter(e -> e.fileId().equals(file4)).findFirst().orElseThrow().records())
                .singleElement().satisfies(r -> {
                    assertThat(r.transactionId()).isEqualTo("T012");
                    assertThat(r.expectedDifference()).isEqualTo(-190);
                });
    }

    @Test
    @Order(3)
    void submittedThenResultsSettleRejectAndRecordBreaks() {
        it.send(Topics.FILE_SUBMITTED, submitted(file1, "RCPT1", 2));
        it.send(Topics.FILE_SUBMITTED, submitted(file4, "RCPT4", 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(row("T001").get("diff_status"))
                && "SENT".equals(row("T012").get("diff_status")));
        it.send(Topics.SETTLEMENT_RESULTS, results1());
        it.send(Topics.SETTLEMENT_RESULTS, results4());
        await().atMost(Duration.ofSeconds(30)).until(() -> "SETTLED".equals(row("T001").get("diff_status"))
                && "SETTLED".equals(row("T012").get("diff_status")));

        assertThat(row("T001")).containsEntry("diff_settled_amount", 190L).containsEntry("diff_result_code", "0000")
                .containsEntry("diff_payout_date", java.sql.Date.valueOf(d.plusDays(2)));
        assertThat(row("T002")).containsEntry("diff_status", "REJECTED").containsEntry("diff_result_code", "E203")
                .containsEntry("diff_settled_amount", null);
        assertThat(row("T012")).containsEntry("diff_settled_amount", -189L).containsEntry("diff_expected_amount", -190L);
        assertThat(jdbc.queryForList("SELECT * FROM reconciliation_break")).singleElement().satisfies(b -> assertThat(b)
                .containsEntry("transaction_id", "T012").containsEntry("expected_amount", -190L)
                .containsEntry("settled_amount", -189L).containsEntry("file_id", file4));
    }

    @Test
    @Order(4)
    void replayingEverythingChangesNothing() {
        Map<String, List<Map<String, Object>>> before = snapshot();
        it.send(Topics.KICKOFF, "DIFF_SETTLEMENT_REQUEST", it.kickoff(kickoffId, "DIFF_SETTLEMENT_REQUEST"));
        it.send(Topics.FILE_FAILED, new FileFailed(FileFailed.eventIdFor(file3, "RCPT3"), d, file3, "S1", "RCPT3",
                "FAILED", "KIS could not process the file", null, true, Instant.now()));
        it.send(Topics.FILE_SUBMITTED, submitted(file1, "RCPT1", 2));
        it.send(Topics.SETTLEMENT_RESULTS, results1());
        it.send(Topics.SETTLEMENT_RESULTS, results4());
        for (String topic : List.of(Topics.KICKOFF, Topics.FILE_FAILED, Topics.FILE_SUBMITTED, Topics.SETTLEMENT_RESULTS)) {
            it.awaitConsumed(topic);
        }
        assertThat(snapshot()).isEqualTo(before);

        // a second kick-off (new id) for the same date finds only what is left: T007 waits, nothing new is sent
        String second = UUID.randomUUID().toString();
        it.send(Topics.KICKOFF, "DIFF_SETTLEMENT_REQUEST", it.kickoff(second, "DIFF_SETTLEMENT_REQUEST"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(jobStatus(second)));
        Map<String, List<Map<String, Object>>> after = snapshot();
        after.get("job_run").removeIf(r -> second.equals(r.get("kickoff_id")));
        // the second run's own bookkeeping: its slice events and their processed_event rows, nothing else
        String secondSlices = "slice:" + second + ":";
        assertThat(after.get("outbox_event")).anySatisfy(r -> assertThat((String) r.get("event_id")).startsWith(secondSlices));
        after.get("outbox_event").removeIf(r -> ((String) r.get("event_id")).startsWith(secondSlices));
        after.get("processed_event").removeIf(r -> ((String) r.get("event_id")).startsWith(secondSlices));
        assertThat(after).isEqualTo(before);
    }

    @Test
    @Order(5)
    void dayReportShowsCountsRejectionsAmountsBreaksAndRefusedFiles() throws Exception {
        DayReport report = reports.report(d);
        assertThat(report.settlement().requestsOfDayByStatus())
                .containsEntry("SETTLED", 2L).containsEntry("REJECTED", 1L).containsEntry("COLLECTED", 1L);
        assertThat(report.settlement().expectedAmount()).isEqualTo(190 - 190 + 85 - 190);
        assertThat(report.settlement().settledAmount()).isEqualTo(190 - 189);
        assertThat(report.settlement().reconciliationBreaks()).containsExactly(new DayReport.Break("T012", file4, -190, -189));
        assertThat(report.settlement().waitingForRegistration()).isEqualTo(1);
        assertThat(report.fileProblems()).extracting(DayReport.FileProblem::fileId, DayReport.FileProblem::status,
                DayReport.FileProblem::openRows).containsExactly(
                org.assertj.core.groups.Tuple.tuple(file2, "REFUSED", 1L),
                org.assertj.core.groups.Tuple.tuple(file3, "FAILED", 0L));
        // stuck-after is 0 here: every open row counts; T011 sits in the refused file, T013 was SENT before this system
        assertThat(report.stuck().transactions()).isEqualTo(2);
        assertThat(report.stuck().examples()).extracting(DayReport.StuckRow::id, DayReport.StuckRow::fileId)
                .contains(org.assertj.core.groups.Tuple.tuple("T011", file2));
        // KIS rejections of D's requests, and the local N00x/L201 decisions made by D's run (whatever today is)
        assertThat(report.settlement().decidedOnDayByCode()).containsOnly(java.util.Map.entry("E203", 1L),
                java.util.Map.entry("N001", 2L), java.util.Map.entry("N002", 1L), java.util.Map.entry("N003", 2L),
                java.util.Map.entry("L201", 1L));
        assertThat(reports.report(d.minusDays(1)).settlement().decidedOnDayByCode()).isEmpty();
        assertThat(report.toText()).contains("REFUSED K422").contains("T012 (file " + file4 + "): expected -190, settled -189");

        URI reportUri = URI.create("http://localhost:" + port + "/api/reports/day/" + d);
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(reportUri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("the day report without the management credential").isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("T012");
        HttpResponse<String> http = HttpClient.newHttpClient().send(HttpRequest.newBuilder(reportUri)
                .header("Authorization", ItSupport.managementAuthorization()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(http.statusCode()).isEqualTo(200);
        assertThat(http.body()).contains("\"reconciliationBreaks\"").contains("T012").contains(file2);
    }

    private List<SettlementFileRequested> awaitFileEvents(int count) {
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> it.readAll(Topics.SETTLEMENT_FILE_REQUESTED, r -> r.key().startsWith("S1-" + date)).stream()
                        .map(r -> EventJson.read(r.value(), SettlementFileRequested.class)).toList(),
                list -> list.size() >= count);
    }

    private FileSubmitted submitted(String fileId, String receipt, int count) {
        return new FileSubmitted(FileSubmitted.eventIdFor(fileId), d, fileId, "S1", d,
                Integer.parseInt(fileId.substring(fileId.length() - 6)), receipt, count, Instant.parse("2030-01-01T00:00:00Z"));
    }

    private SettlementResultsReceived results1() {
        return new SettlementResultsReceived(SettlementResultsReceived.eventIdFor("RCPT1", 1), d, file1, "RCPT1", 1, 1,
                List.of(new SettlementResult(1, "T001", "A001", d.minusDays(1), "0000", "정상", new BigDecimal("0.400"), 190,
                                d.plusDays(2)),
                        new SettlementResult(2, "T002", "A002", d.minusDays(1), "E203", "원거래 없음", BigDecimal.ZERO, 0, null)));
    }

    private SettlementResultsReceived results4() {
        return new SettlementResultsReceived(SettlementResultsReceived.eventIdFor("RCPT4", 1), d, file4, "RCPT4", 1, 1,
                List.of(new SettlementResult(1, "T012", "C012", d.minusDays(1), "0000", "정상", new BigDecimal("0.400"), -189,
                        d.plusDays(2))));
    }

    private Map<String, Object> row(String id) {
        return jdbc.queryForMap("SELECT * FROM payment_transaction WHERE transaction_id = ?", id);
    }

    private String jobStatus(String id) {
        return jdbc.queryForList("SELECT status FROM job_run WHERE kickoff_id = ?", String.class, id).stream()
                .findFirst().orElse(null);
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        return TableSnapshot.of(jdbc, "sub_merchant", "payment_transaction", "kis_file", "registration_request",
                "settlement_request", "reconciliation_break", "processed_event", "job_run", "outbox_event");
    }

    private void subMerchant(String id, String status, String tier, LocalDate from, LocalDate to) {
        jdbc.update("INSERT INTO sub_merchant (sub_merchant_id, business_no, business_name, representative_name, opened_on,"
                        + " kis_reg_status, kis_reg_result_code, kis_sub_merchant_no, fee_tier, tier_valid_from, tier_valid_to)"
                        + " VALUES (?, '2208162517', '가게', '홍길동', '2020-01-01', ?, '0000', ?, ?, ?, ?)",
                id, status, "KIS" + id, tier, from, to);
    }

    private void tx(String id, String subMerchant, String cardType, String type, String approvalNo, LocalDateTime at,
                    String originalNo, LocalDate originalOn, String card, long amount, String rate, String status) {
        jdbc.update("INSERT INTO payment_transaction (transaction_id, sub_merchant_id, card_company, card_type,"
                        + " transaction_type, approval_no, approved_at, original_approval_no, original_approved_on,"
                        + " masked_card_no, amount, applied_fee_rate, fee_amount, diff_status)"
                        + " VALUES (?, ?, 'KB', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, subMerchant, cardType, type, approvalNo, at, originalNo, originalOn, card, amount,
                new BigDecimal(rate), new BigDecimal(rate).multiply(BigDecimal.valueOf(amount)).movePointLeft(2).longValue(),
                status);
    }
}
