package kr.co.pg.settlement.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.system.demo.DemoDataGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Difference settlement end to end with every rule of domain.md and every KIS answer of kis-interface.md §5:
 * each row ends with the exact status, code and amounts. Steps build on each other, so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettlementDayE2eTest extends SystemE2eSupport {

    static final LocalDate DAY_1 = LocalDate.of(2025, 2, 17); // Monday: payout two weekdays later, 2025-02-19
    static final LocalDate DAY_2 = LocalDate.of(2025, 2, 18);
    static final LocalDate DAY_3 = LocalDate.of(2025, 2, 19);
    static final String SMALL_BN = "2208162517";
    static final String MEDIUM_BN = businessNumber("123450001");
    static final String GENERAL_BN = businessNumber("123450002");
    static final String KIS_GENERAL_BN = businessNumber("123450007");

    @BeforeAll
    static void start() throws Exception {
        startSystem(100, 7); // seven transactions per S1 file: several files
        simulator.annualSales(Map.of(SMALL_BN, 250_000_000L, MEDIUM_BN, 400_000_000L, GENERAL_BN, 5_000_000_000L,
                KIS_GENERAL_BN, 9_000_000_000L));
        insertSubMerchant("SM-S", SMALL_BN, "한빛상사", "김민준", LocalDate.of(2020, 1, 1), "NONE", null);
        insertSubMerchant("SM-M", MEDIUM_BN, "푸른숲베이커리", "이서연", LocalDate.of(2020, 1, 1), "NONE", null);
        insertSubMerchant("SM-G", GENERAL_BN, "온누리전자", "박도윤", LocalDate.of(2020, 1, 1), "NONE", null);
        insertSubMerchant("SM-E204", KIS_GENERAL_BN, "하늘마켓", "정하준", LocalDate.of(2020, 1, 1), "NONE", null);
        insertSubMerchant("SM-REJ", "1048100056", "별빛문구", "최지우", LocalDate.of(2020, 1, 1), "NONE", null);
        String registration = kickoffs.send(Job.SUBMERCHANT_REGISTRATION_REQUEST, DAY_1);
        awaitJobDone(registration);
        awaitNoSubMerchantIn("NONE", "REQUESTED", "SENT");
        assertThat(registration("SM-S")).startsWith("REGISTERED|0000|SMALL|2024-02-17|2025-08-13|");
        assertThat(registration("SM-REJ")).startsWith("REJECTED|L101|");
        // The PG's data disagrees with KIS: KIS knows SM-E204 as GENERAL, the PG thinks SMALL (-> E204);
        // SM-E201 claims a KIS number KIS never issued (-> E201).
        execute("UPDATE sub_merchant SET fee_tier = 'SMALL' WHERE sub_merchant_id = 'SM-E204'");
        insertSubMerchant("SM-E201", businessNumber("123450008"), "꽃길공방", "윤하은", LocalDate.of(2020, 1, 1),
                "REGISTERED", null);
        execute("UPDATE sub_merchant SET kis_sub_merchant_no = 'KIS999999999999', fee_tier = 'SMALL',"
                + " tier_valid_from = '2024-02-17', tier_valid_to = '2025-08-13', kis_reg_result_code = '0000'"
                + " WHERE sub_merchant_id = 'SM-E201'");

        // id, sub-merchant, card, type, approved at, approval no, original no, original date, amount, rate
        tx("T01-RATE-OLD", "SM-S", "CREDIT", "APPROVAL", "2025-02-13T23:59:59", "10000001", null, null, 10_000, "2.300");
        tx("T02-RATE-NEW", "SM-S", "CREDIT", "APPROVAL", "2025-02-14T00:00:00", "10000002", null, null, 10_000, "2.300");
        tx("T03-CHECK", "SM-M", "CHECK", "APPROVAL", "2025-02-15T10:00:00", "10000003", null, null, 33_333, "1.600");
        tx("T04-APPROVAL", "SM-S", "CREDIT", "APPROVAL", "2025-02-14T12:00:00", "10000004", null, null, 10_047, "2.300");
        tx("T05-CANCEL", "SM-S", "CREDIT", "CANCEL", "2025-02-16T09:00:00", "10000005", "10000004", "2025-02-14", -10_047, "2.300");
        tx("T06-APPROVAL", "SM-M", "CREDIT", "APPROVAL", "2025-02-15T08:00:00", "10000006", null, null, 20_000, "2.100");
        tx("T07-PARTIAL", "SM-M", "CREDIT", "PARTIAL_CANCEL", "2025-02-16T08:00:00", "10000007", "10000006", "2025-02-15", -5_005, "2.100");
        tx("T08-GENERAL", "SM-G", "CREDIT", "APPROVAL", "2025-02-15T08:00:00", "10000008", null, null, 10_000, "2.300");
        tx("T09-BEFORE-TIER", "SM-S", "CREDIT", "APPROVAL", "2023-01-10T08:00:00", "10000009", null, null, 10_000, "2.300");
        tx("T10-LOW-RATE", "SM-S", "CREDIT", "APPROVAL", "2025-02-15T08:00:00", "10000010", null, null, 10_000, "0.300");
        tx("T11-SAMEDAY-A", "SM-S", "CHECK", "APPROVAL", "2025-02-15T10:00:00", "10000011", null, null, 5_000, "1.600");
        tx("T12-SAMEDAY-C", "SM-S", "CHECK", "CANCEL", "2025-02-15T11:00:00", "10000012", "10000011", "2025-02-15", -5_000, "1.600");
        tx("T13-NOT-REG", "SM-REJ", "CREDIT", "APPROVAL", "2025-02-15T08:00:00", "10000013", null, null, 10_000, "2.300");
        tx("T14-E201", "SM-E201", "CREDIT", "APPROVAL", "2025-02-15T08:00:00", "10000014", null, null, 10_000, "2.300");
        tx("T15-E203", "SM-S", "CREDIT", "CANCEL", "2025-02-16T08:00:00", "10000015", "99999999", "2025-02-10", -7_000, "2.300");
        tx("T16-E204", "SM-E204", "CREDIT", "APPROVAL", "2025-02-15T08:00:00", "10000016", null, null, 10_000, "2.300");
        tx("T17-TODAY", "SM-S", "CREDIT", "APPROVAL", "2025-02-17T00:00:00", "10000017", null, null, 10_000, "2.300");
    }

    @Test
    @Order(1)
    void everyRowEndsWithTheExactStatusCodeAndAmounts() {
        String kickoff = kickoffs.send(Job.DIFF_SETTLEMENT_REQUEST, DAY_1);
        awaitJobDone(kickoff);
        kickoffs.send(Job.DIFF_SETTLEMENT_RESULT, DAY_1);
        awaitNoTransactionIn("COLLECTED", "SENT");

        // status | code | expected | settled | payout
        assertThat(row("T01-RATE-OLD")).isEqualTo("SETTLED|0000|180|180|2025-02-19"); // 10,000 x (2.3-0.5)%
        assertThat(row("T02-RATE-NEW")).isEqualTo("SETTLED|0000|190|190|2025-02-19"); // 10,000 x (2.3-0.4)%
        assertThat(row("T03-CHECK")).isEqualTo("SETTLED|0000|283|283|2025-02-19");    // 33,333 x (1.6-0.75)% = 283.33
        assertThat(row("T04-APPROVAL")).isEqualTo("SETTLED|0000|190|190|2025-02-19"); // 190.893
        assertThat(row("T05-CANCEL")).isEqualTo("SETTLED|0000|-190|-190|2025-02-19"); // -190.893 toward zero
        assertThat(row("T06-APPROVAL")).isEqualTo("SETTLED|0000|220|220|2025-02-19"); // 20,000 x (2.1-1.0)%
        assertThat(row("T07-PARTIAL")).isEqualTo("SETTLED|0000|-55|-55|2025-02-19");  // -55.055
        assertThat(row("T08-GENERAL")).isEqualTo("NOT_ELIGIBLE|N001|null|null|null");
        assertThat(row("T09-BEFORE-TIER")).isEqualTo("NOT_ELIGIBLE|N001|null|null|null");
        assertThat(row("T10-LOW-RATE")).isEqualTo("NOT_ELIGIBLE|N002|null|null|null");
        assertThat(row("T11-SAMEDAY-A")).isEqualTo("NOT_ELIGIBLE|N003|null|null|null");
        assertThat(row("T12-SAMEDAY-C")).isEqualTo("NOT_ELIGIBLE|N003|null|null|null");
        assertThat(row("T13-NOT-REG")).isEqualTo("NONE|null|null|null|null");
        assertThat(row("T14-E201")).startsWith("REJECTED|E201|190|null|");
        assertThat(row("T15-E203")).startsWith("REJECTED|E203|-133|null|"); // -7,000 x 1.9% = -133
        assertThat(row("T16-E204")).startsWith("REJECTED|E204|190|null|");
        assertThat(row("T17-TODAY")).isEqualTo("NONE|null|null|null|null"); // approved on the business date itself

        Map<String, Integer> received = simulator.receivedCounts("S1");
        assertThat(received).containsOnlyKeys("T01-RATE-OLD", "T02-RATE-NEW", "T03-CHECK", "T04-APPROVAL",
                "T05-CANCEL", "T06-APPROVAL", "T07-PARTIAL", "T14-E201", "T15-E203", "T16-E204");
        assertThat(received.values()).containsOnly(1);
        assertThat(db.count("SELECT COUNT(*) FROM reconciliation_break")).isZero();
    }

    @Test
    @Order(2)
    void aSecondKickoffForTheSameDateSendsNothingTwice() {
        int files = simulator.files().size();
        Map<String, List<String>> before = fingerprint();
        String again = kickoffs.send(Job.DIFF_SETTLEMENT_REQUEST, DAY_1);
        awaitJobDone(again);

        assertThat(simulator.files()).hasSize(files);
        Map<String, List<String>> after = fingerprint();
        after.values().forEach(rows -> rows.removeIf(r -> r.contains(again)));
        assertThat(after).isEqualTo(before);
    }

    @Test
    @Order(3)
    void aBreakADuplicateAndACorruptResultFileOnTheNextDay() throws Exception {
        tx("T20-BREAK", "SM-S", "CREDIT", "APPROVAL", "2025-02-17T09:00:00", "10000020", null, null, 50_000, "2.300");
        tx("T21-BREAK", "SM-M", "CREDIT", "APPROVAL", "2025-02-17T10:00:00", "10000021", null, null, 30_000, "2.100");
        // A row restored from an old backup: NONE again although KIS accepted it yesterday -> KIS says E202.
        execute("DELETE FROM settlement_request WHERE transaction_id = 'T01-RATE-OLD'");
        execute("UPDATE payment_transaction SET diff_status = 'NONE', diff_expected_amount = NULL, diff_settled_amount = NULL,"
                + " diff_result_code = NULL, diff_payout_date = NULL WHERE transaction_id = 'T01-RATE-OLD'");
        simulator.setFaults("{\"reducedDifferenceShare\": 1.0, \"corruptedResultShare\": 1.0, \"corruptedDownloads\": 1}");
        String kickoff = kickoffs.send(Job.DIFF_SETTLEMENT_REQUEST, DAY_2);
        awaitJobDone(kickoff);
        // faults are fixed per receipt at upload: reset them only once every file of the run is uploaded (SENT)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                db.count("SELECT COUNT(*) FROM payment_transaction WHERE diff_status = 'COLLECTED'") == 0);
        simulator.resetFaults();
        kickoffs.send(Job.DIFF_SETTLEMENT_RESULT, DAY_2);
        awaitNoTransactionIn("COLLECTED", "SENT");

        assertThat(row("T20-BREAK")).isEqualTo("SETTLED|0000|950|949|2025-02-20"); // KIS pays 1 KRW less
        assertThat(row("T21-BREAK")).isEqualTo("SETTLED|0000|330|329|2025-02-20");
        assertThat(db.dump("SELECT transaction_id, expected_amount, settled_amount FROM reconciliation_break"
                + " ORDER BY transaction_id")).containsExactly("T17-TODAY|190|189", "T20-BREAK|950|949", "T21-BREAK|330|329");
        assertThat(row("T17-TODAY")).isEqualTo("SETTLED|0000|190|189|2025-02-20"); // approved on day 1, sent on day 2
        assertThat(row("T01-RATE-OLD")).startsWith("REJECTED|E202|180|");
        // the corrupt first download was refused whole and fetched again: each record applied once
        assertThat(db.count("SELECT COUNT(*) FROM processed_event WHERE event_id LIKE 's2:%'"))
                .isEqualTo(db.count("SELECT COUNT(DISTINCT receipt_no) FROM kis_file WHERE file_type = 'S1'"
                        + " AND receipt_no IS NOT NULL"));
    }

    @Test
    @Order(4)
    void theGatewayAndThePollerStoppedMidRunLoseAndDuplicateNothing() throws Exception {
        List<String> subMerchants = List.of("SM-S", "SM-M");
        int inserted = new DemoDataGenerator(db.dataSource(), 7L).insertTransactions(subMerchants, "R", 0, 120,
                DAY_2, DAY_3);
        long eligibleBefore = db.count("SELECT COUNT(*) FROM payment_transaction WHERE transaction_id LIKE 'R%'");
        assertThat(eligibleBefore).isEqualTo(inserted);
        stack.stopGateway();
        stack.stopPoller();
        String kickoff = kickoffs.send(Job.DIFF_SETTLEMENT_REQUEST, DAY_3);
        awaitJobDone(kickoff);
        stack.startGateway();
        await().atMost(Duration.ofSeconds(90)).until(() -> db.count(
                "SELECT COUNT(*) FROM payment_transaction WHERE diff_status = 'COLLECTED'") == 0);
        stack.startPoller();
        kickoffs.send(Job.DIFF_SETTLEMENT_RESULT, DAY_3);
        awaitNoTransactionIn("COLLECTED", "SENT");

        Map<String, Integer> received = simulator.receivedCounts("S1");
        List<String> sent = db.dump("SELECT transaction_id FROM payment_transaction WHERE transaction_id LIKE 'R%'"
                + " AND diff_status IN ('SETTLED','REJECTED')");
        assertThat(sent).isNotEmpty();
        sent.forEach(id -> assertThat(received).containsEntry(id, 1));
        assertThat(db.count("SELECT COUNT(*) FROM payment_transaction WHERE transaction_id LIKE 'R%'"
                + " AND diff_status = 'SETTLED' AND diff_settled_amount <> diff_expected_amount")).isZero();
    }

    @Test
    @Order(5)
    void replayingEveryTopicChangesNothing() {
        Map<String, List<String>> before = fingerprint();
        int files = simulator.files().size();

        replayAllTopics();

        assertThat(fingerprint()).isEqualTo(before);
        assertThat(simulator.files()).hasSize(files);
    }

    private static String row(String transactionId) {
        List<String> rows = db.dump("SELECT diff_status, diff_result_code, diff_expected_amount, diff_settled_amount,"
                + " diff_payout_date FROM payment_transaction WHERE transaction_id = '" + transactionId + "'");
        return rows.isEmpty() ? "<missing>" : rows.get(0);
    }

    private static void tx(String id, String subMerchant, String cardType, String type, String approvedAt,
                           String approvalNo, String originalNo, String originalOn, long amount, String rate)
            throws Exception {
        BigDecimal appliedRate = new BigDecimal(rate);
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO payment_transaction (transaction_id, sub_merchant_id, card_company, card_type,"
                        + " transaction_type, approval_no, approved_at, original_approval_no, original_approved_on,"
                        + " masked_card_no, amount, applied_fee_rate, fee_amount) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, subMerchant);
            ps.setString(3, "KB");
            ps.setString(4, cardType);
            ps.setString(5, type);
            ps.setString(6, approvalNo);
            ps.setObject(7, LocalDateTime.parse(approvedAt));
            ps.setString(8, originalNo);
            ps.setObject(9, originalOn == null ? null : LocalDate.parse(originalOn));
            ps.setString(10, "540926******1234");
            ps.setLong(11, amount);
            ps.setBigDecimal(12, appliedRate);
            ps.setLong(13, BigDecimal.valueOf(amount).multiply(appliedRate).movePointLeft(2).longValue());
            ps.executeUpdate();
        }
    }
}
