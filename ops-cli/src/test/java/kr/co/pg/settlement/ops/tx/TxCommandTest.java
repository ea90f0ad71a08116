package kr.co.pg.settlement.ops.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kr.co.pg.settlement.ops.OpsTestSupport;
import kr.co.pg.settlement.ops.OpsTestSupport.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TxCommandTest {

    private static Map<String, String> env;

    @BeforeAll
    static void setUp() {
        String db = OpsTestSupport.settlementDb("ops_tx");
        String poller = OpsTestSupport.pollerDb("ops_tx_poller");
        env = OpsTestSupport.env(db, poller);
        String tx = "INSERT INTO payment_transaction (transaction_id, sub_merchant_id, card_company, card_type,"
                + " transaction_type, approval_no, approved_at, masked_card_no, amount, applied_fee_rate, fee_amount,"
                + " diff_status, diff_expected_amount, diff_settled_amount, diff_result_code, diff_payout_date, diff_updated_at) VALUES ";
        OpsTestSupport.execute(db,
                "INSERT INTO sub_merchant (sub_merchant_id, business_no, business_name, representative_name, opened_on,"
                        + " kis_reg_status, kis_reg_result_code, kis_sub_merchant_no, fee_tier, tier_valid_from, tier_valid_to)"
                        + " VALUES ('SM001', '2208162517', '행복상점', '김대표', '2020-01-01', 'REGISTERED', '0000',"
                        + " 'KIS000000000001', 'SMALL', '2024-01-01', '2026-12-31'),"
                        + " ('SM002', '1248100998', '새가게', '이대표', '2025-01-01', 'NONE', NULL, NULL, NULL, NULL, NULL)",
                tx + "('T001', 'SM001', 'KB', 'CREDIT', 'APPROVAL', '12345678', '2025-02-16 10:00:00', '123456******1234',"
                        + " 10000, 2.300, 230, 'SETTLED', 190, 180, '0000', '2025-02-20', '2025-02-18 08:00:00'),"
                        + " ('T002', 'SM001', 'KB', 'CHECK', 'APPROVAL', '22345678', '2025-02-16 11:00:00', '123456******1234',"
                        + " 10000, 0.100, 10, 'NOT_ELIGIBLE', NULL, NULL, 'N002', NULL, '2025-02-17 07:15:00'),"
                        + " ('T003', 'SM002', 'SH', 'CREDIT', 'APPROVAL', '32345678', '2025-02-16 12:00:00', '123456******1234',"
                        + " 10000, 2.300, 230, 'NONE', NULL, NULL, NULL, NULL, NULL),"
                        + " ('T004', 'SM001', 'HD', 'CREDIT', 'APPROVAL', '42345678', '2025-02-16 13:00:00', '1234567890123456',"
                        + " 10000, 2.300, 230, 'REJECTED', NULL, NULL, 'L201', NULL, '2025-02-17 07:15:00'),"
                        + " ('T005', 'SM001', 'BC', 'CREDIT', 'APPROVAL', '52345678', '2025-02-17 09:00:00', '123456******1234',"
                        + " 10000, 2.300, 230, 'NONE', NULL, NULL, NULL, NULL, NULL)",
                "INSERT INTO kis_file (file_id, file_type, file_date, file_seq, business_date, record_count, created_at,"
                        + " status, receipt_no, updated_at) VALUES ('S1-20250217-000001', 'S1', '2025-02-17', 1, '2025-02-17',"
                        + " 1, '2025-02-17 07:15:01', 'RESULT_RECEIVED', 'R0000000042', '2025-02-18 08:00:00')",
                "INSERT INTO settlement_request (transaction_id, file_id, seq, business_date, expected_amount, status,"
                        + " result_code, created_at, updated_at) VALUES ('T001', 'S1-20250217-000001', 1, '2025-02-17', 190,"
                        + " 'SETTLED', '0000', '2025-02-17 07:15:01', '2025-02-18 08:00:00')",
                "INSERT INTO reconciliation_break (transaction_id, business_date, file_id, expected_amount, settled_amount,"
                        + " recorded_at) VALUES ('T001', '2025-02-17', 'S1-20250217-000001', 190, 180, '2025-02-18 08:00:00')",
                "INSERT INTO job_run (kickoff_id, job, business_date, status, started_at, finished_at) VALUES"
                        + " ('k-1', 'DIFF_SETTLEMENT_REQUEST', '2025-02-17', 'DONE', '2025-02-17 07:15:00', '2025-02-17 07:15:09')");
        OpsTestSupport.execute(poller, "INSERT INTO pending_receipt (receipt_no, file_id, file_type, business_date,"
                + " file_date, file_seq, record_count, status, attempts, next_poll_at, submitted_at, completed_at) VALUES"
                + " ('R0000000042', 'S1-20250217-000001', 'S1', '2025-02-17', '2025-02-17', 1, 1, 'PUBLISHED', 0,"
                + " '2025-02-17 07:15:03', '2025-02-17 07:15:02', '2025-02-17 07:15:05')");
    }

    @Test
    void settledTransactionTellsItsWholeStory() {
        Run run = OpsTestSupport.run(env, "tx", "T001");
        System.out.println(run.out());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("sub-merchant  SM001 (행복상점): kis_reg_status REGISTERED, tier SMALL valid 2024-01-01..2026-12-31")
                .contains("APPROVAL, approval no 12345678 at 2025-02-16 10:00:00, KB CREDIT card 123456******1234")
                .contains("status SETTLED, result 0000 (accepted by KIS)")
                .contains("expected 190 KRW, settled 180 KRW, payout 2025-02-20")
                .contains("file S1-20250217-000001 record 1, business date 2025-02-17")
                .contains("RESULT_RECEIVED, KIS receipt R0000000042")
                .contains("R0000000042 at the poller: PUBLISHED")
                .contains("KIS result      0000 (accepted by KIS)")
                .contains("expected 190 KRW, KIS settled 180 KRW (difference -10)");
    }

    @Test
    void notEligibleSaysWhyWithTheCodesMeaning() {
        Run run = OpsTestSupport.run(env, "tx", "T002");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Never sent      NOT_ELIGIBLE N002 (not eligible: the computed difference is 0"
                + " or has the wrong sign");
    }

    @Test
    void locallyRejectedCardIsShownMaskedOnly() {
        Run run = OpsTestSupport.run(env, "tx", "T004");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Never sent      REJECTED L201").contains("123456******3456 (stored NOT masked)")
                .doesNotContain("1234567890123456");
    }

    @Test
    void neverSentBecauseTheSubMerchantIsNotRegistered() {
        Run run = OpsTestSupport.run(env, "tx", "T003");
        System.out.println(run.out());

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Not sent yet    NONE: its sub-merchant is NONE (not REGISTERED)");
    }

    @Test
    void neverSentBecauseApprovedOnTheLastBusinessDate() {
        Run run = OpsTestSupport.run(env, "tx", "T005");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("approved on 2025-02-17, on or after the last business date 2025-02-17")
                .contains("the run of business date 2025-02-18 or later collects it");
    }

    @Test
    void unknownTransactionIsOneLineAndExitOne() {
        Run run = OpsTestSupport.run(env, "tx", "T999");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("settlement: no transaction 'T999' in payment_transaction");
    }
}
