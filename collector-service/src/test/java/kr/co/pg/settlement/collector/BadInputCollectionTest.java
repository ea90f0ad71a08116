package kr.co.pg.settlement.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.co.pg.settlement.collector.application.DayReportService;
import kr.co.pg.settlement.collector.application.ResultHandler;
import kr.co.pg.settlement.events.FileSubmitted;
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
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bad rows in the PG's tables (docs/reliability.md, catalogue 28-39) on real MariaDB and Kafka: each bad row is decided
 * alone at collection (a local code naming the fault) and the good rows of the same run go into a file; results that
 * disagree or name an unknown file change nothing they must not.
 */
@SpringBootTest(properties = {"settlement.collector.settlement-file-size=10", "settlement.collector.slices=1"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCollectionTest {

    static final ItSupport it = new ItSupport("collector_bad_input");

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

    final LocalDate d = it.businessDate;
    final LocalDateTime dayBefore = d.minusDays(1).atStartOfDay();
    final String file1 = "S1-" + d.toString().replace("-", "") + "-000001";

    @BeforeAll
    void setUp() {
        jdbc.update("INSERT INTO sub_merchant (sub_merchant_id, business_no, business_name, representative_name, opened_on,"
                + " kis_reg_status, kis_reg_result_code, kis_sub_merchant_no, fee_tier, tier_valid_from, tier_valid_to)"
                + " VALUES ('SMA', '2208162517', '가게', '홍길동', '2020-01-01', 'REGISTERED', '0000', 'KISSMA', 'SMALL', ?, ?)",
                d.minusDays(30), d.plusDays(30));
        tx("B001", "KB", "APPROVAL", "A001", dayBefore.plusHours(10), null, null, 10_000);
        tx("B002", "XX", "APPROVAL", "A002", dayBefore.plusHours(10), null, null, 10_000);
        tx("B003", "KB", "APPROVAL", "A003", dayBefore.plusHours(10), null, null, -10_000);
        // a full cancel of an approval that exists nowhere (not a same-day pair: another day)
        tx("B004", "KB", "CANCEL", "C004", dayBefore.plusHours(11), "Z9999999", d.minusDays(3), -10_000);
        // the last second of the day before is in; the first second of the business date is not
        tx("B005", "SS", "APPROVAL", "A005", d.atStartOfDay().minusSeconds(1), null, null, 10_000);
        tx("B006", "SS", "APPROVAL", "A006", d.atStartOfDay(), null, null, 10_000);
        subMerchantToRegister("SMN", "가게", "0212345678");
        subMerchantToRegister("SMW", "가".repeat(26), "0212345678");
        subMerchantToRegister("SMP", "가게", "02-1234-5678");
        it.awaitAssigned(listeners);
    }

    @AfterAll
    void tearDown() {
        it.close();
    }

    @Test
    @Order(1)
    void badRowsAreRefusedAloneAndTheGoodRowsOfTheRunGoIntoOneFile() {
        String kickoffId = "bad-rows-" + UUID.randomUUID();
        it.send(Topics.KICKOFF, "DIFF_SETTLEMENT_REQUEST", it.kickoff(kickoffId, "DIFF_SETTLEMENT_REQUEST"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(jobStatus(kickoffId)));

        assertThat(row("B001")).containsEntry("diff_status", "COLLECTED").containsEntry("diff_expected_amount", 190L);
        assertThat(row("B002")).containsEntry("diff_status", "REJECTED").containsEntry("diff_result_code", "L202");
        assertThat(row("B003")).containsEntry("diff_status", "REJECTED").containsEntry("diff_result_code", "L203");
        assertThat(row("B004")).containsEntry("diff_status", "COLLECTED").containsEntry("diff_expected_amount", -190L);
        assertThat(row("B005")).containsEntry("diff_status", "COLLECTED");
        assertThat(row("B006")).as("approved on the business date: a later day's").containsEntry("diff_status", "NONE")
                .containsEntry("diff_result_code", null);
        assertThat(jdbc.queryForList("SELECT CONCAT(file_id, ':', transaction_id) FROM settlement_request"
                + " ORDER BY file_id, seq", String.class))
                .containsExactly(file1 + ":B001", file1 + ":B004", file1 + ":B005");
        assertThat(reports.report(d).settlement().decidedOnDayByCode())
                .containsEntry("L202", 1L).containsEntry("L203", 1L);
    }

    @Test
    @Order(2)
    void anApprovalOfTheBusinessDateIsCollectedByTheNextDaysRun() {
        String kickoffId = "next-day-" + UUID.randomUUID();
        it.send(Topics.KICKOFF, "DIFF_SETTLEMENT_REQUEST", ("{\"kickoffId\":\"" + kickoffId
                + "\",\"job\":\"DIFF_SETTLEMENT_REQUEST\",\"businessDate\":\"" + d.plusDays(1) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(jobStatus(kickoffId)));
        assertThat(row("B006")).containsEntry("diff_status", "COLLECTED").containsEntry("diff_expected_amount", 190L);
        assertThat(jdbc.queryForObject("SELECT business_date FROM settlement_request WHERE transaction_id = 'B006'",
                LocalDate.class)).isEqualTo(d.plusDays(1));
    }

    @Test
    @Order(3)
    void aSubMerchantWhoseDataTheR1LayoutCannotHoldIsRejectedAloneWithL104() {
        String kickoffId = "wide-" + UUID.randomUUID();
        it.send(Topics.KICKOFF, "SUBMERCHANT_REGISTRATION_REQUEST",
                it.kickoff(kickoffId, "SUBMERCHANT_REGISTRATION_REQUEST"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(jobStatus(kickoffId)));

        assertThat(subMerchant("SMW")).containsEntry("kis_reg_status", "REJECTED")
                .containsEntry("kis_reg_result_code", "L104")
                .hasEntrySatisfying("kis_reg_result_msg", m -> assertThat((String) m)
                        .startsWith("business_name is 52 CP949 bytes, the R1 field holds 50"));
        assertThat(subMerchant("SMP")).containsEntry("kis_reg_status", "REJECTED")
                .containsEntry("kis_reg_result_code", "L104")
                .hasEntrySatisfying("kis_reg_result_msg", m -> assertThat((String) m).contains("phone '02-1234-5678'"));
        assertThat(subMerchant("SMN")).containsEntry("kis_reg_status", "REQUESTED");
        assertThat(jdbc.queryForList("SELECT sub_merchant_id FROM registration_request", String.class))
                .containsExactly("SMN");
    }

    @Test
    @Order(4)
    void twoResultsWithOneEventIdAndDifferentContentTheFirstWins() {
        it.send(Topics.FILE_SUBMITTED, new FileSubmitted(FileSubmitted.eventIdFor(file1), d, file1, "S1", d, 1,
                "RCPTBAD1", 3, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(row("B001").get("diff_status")));
        String eventId = SettlementResultsReceived.eventIdFor("RCPTBAD1", 1);
        it.send(Topics.SETTLEMENT_RESULTS, new SettlementResultsReceived(eventId, d, file1, "RCPTBAD1", 1, 1, List.of(
                result(1, "B001", "0000", 190), result(2, "B004", "E203", 0), result(3, "B005", "0000", 190))));
        it.send(Topics.SETTLEMENT_RESULTS, new SettlementResultsReceived(eventId, d, file1, "RCPTBAD1", 1, 1, List.of(
                result(1, "B001", "E299", 0), result(2, "B004", "0000", -190), result(3, "B005", "0000", 1))));
        // another event (another id) for records already decided: the status guard keeps the first outcome
        it.send(Topics.SETTLEMENT_RESULTS, new SettlementResultsReceived(SettlementResultsReceived.eventIdFor(
                "RCPTBAD1", 2), d, file1, "RCPTBAD1", 2, 2, List.of(result(1, "B001", "E204", 0))));
        it.awaitConsumed(Topics.SETTLEMENT_RESULTS);

        assertThat(row("B001")).containsEntry("diff_status", "SETTLED").containsEntry("diff_settled_amount", 190L)
                .containsEntry("diff_result_code", "0000");
        assertThat(row("B004")).containsEntry("diff_status", "REJECTED").containsEntry("diff_result_code", "E203")
                .containsEntry("diff_settled_amount", null);
        assertThat(row("B005")).containsEntry("diff_settled_amount", 190L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reconciliation_break", Integer.class)).isZero();
    }

    @Test
    @Order(5)
    void resultsForAFileTheCollectorDoesNotKnowAreLoggedAndAppliedToNothing() {
        Logger logger = (Logger) LoggerFactory.getLogger(ResultHandler.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            String unknown = "S1-" + d.toString().replace("-", "") + "-000099";
            it.send(Topics.SETTLEMENT_RESULTS, new SettlementResultsReceived(SettlementResultsReceived.eventIdFor(
                    "RCPTBAD9", 1), d, unknown, "RCPTBAD9", 1, 1, List.of(result(1, "B006", "0000", 190))));
            it.awaitConsumed(Topics.SETTLEMENT_RESULTS);
            assertThat(logged.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                    .contains("S2 results for UNKNOWN file " + unknown + " (receipt RCPTBAD9)")
                    .contains("1 records applied to nothing"));
            assertThat(row("B006")).containsEntry("diff_status", "COLLECTED");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kis_file WHERE file_id = ?", Integer.class, unknown))
                    .isZero();
        } finally {
            logger.detachAppender(logged);
        }
    }

    private static SettlementResult result(int seq, String id, String code, long amount) {
        return new SettlementResult(seq, id, "A" + seq, LocalDate.of(2030, 1, 1), code, "msg",
                new BigDecimal("0.400"), amount, "0000".equals(code) ? LocalDate.of(2030, 1, 3) : null);
    }

    private Map<String, Object> row(String id) {
        return jdbc.queryForMap("SELECT * FROM payment_transaction WHERE transaction_id = ?", id);
    }

    private Map<String, Object> subMerchant(String id) {
        return jdbc.queryForMap("SELECT * FROM sub_merchant WHERE sub_merchant_id = ?", id);
    }

    private String jobStatus(String id) {
        return jdbc.queryForList("SELECT status FROM job_run WHERE kickoff_id = ?", String.class, id).stream()
                .findFirst().orElse(null);
    }

    private void subMerchantToRegister(String id, String name, String phone) {
        jdbc.update("INSERT INTO sub_merchant (sub_merchant_id, business_no, business_name, representative_name,"
                        + " opened_on, industry_code, phone, postal_code, address, kis_reg_status)"
                        + " VALUES (?, '1248100998', ?, '김철수', '2021-07-15', '5411', ?, '04524', '서울', 'NONE')",
                id, name, phone);
    }

    private void tx(String id, String cardCompany, String type, String approvalNo, LocalDateTime at, String originalNo,
                    LocalDate originalOn, long amount) {
        jdbc.update("INSERT INTO payment_transaction (transaction_id, sub_merchant_id, card_company, card_type,"
                        + " transaction_type, approval_no, approved_at, original_approval_no, original_approved_on,"
                        + " masked_card_no, amount, applied_fee_rate, fee_amount, diff_status)"
                        + " VALUES (?, 'SMA', ?, 'CREDIT', ?, ?, ?, ?, ?, '123456******1234', ?, 2.300, ?, 'NONE')",
                id, cardCompany, type, approvalNo, at, originalNo, originalOn, amount, amount * 23 / 1000);
    }
}
