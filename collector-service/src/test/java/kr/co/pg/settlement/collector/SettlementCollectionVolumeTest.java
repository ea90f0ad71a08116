package kr.co.pg.settlement.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import kr.co.pg.settlement.collector.application.KickoffHandler;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.events.KickoffRequested;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Collection speed on real MariaDB: N candidates (system property collector.perf.rows, default 100,000 to keep the
 * suite fast; run with -Dcollector.perf.rows=1000000 for the 1M target) collected into S1 files of 10,000.
 * The relay is off here: this measures the collector's own work (select, decide, write, outbox).
 */
@SpringBootTest(properties = "settlement.outbox.relay-enabled=false")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettlementCollectionVolumeTest {

    static final ItSupport it = new ItSupport("collector_perf");
    static final int ROWS = Integer.getInteger("collector.perf.rows", 100_000);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        it.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KickoffHandler kickoffs;

    @AfterAll
    void tearDown() {
        it.close();
    }

    @Test
    void collectsCandidatesInFilesFastEnough() {
        LocalDate d = it.businessDate;
        System.out.println("MariaDB settings: " + jdbc.queryForList("SHOW VARIABLES WHERE Variable_name IN ('innodb_buffer_pool_size',"
                + " 'innodb_flush_log_at_trx_commit', 'sync_binlog', 'innodb_log_file_size', 'log_bin', 'binlog_format')"));
        jdbc.update("INSERT INTO sub_merchant (sub_merchant_id, business_no, business_name, representative_name, opened_on,"
                + " kis_reg_status, kis_reg_result_code, kis_sub_merchant_no, fee_tier, tier_valid_from, tier_valid_to)"
                + " SELECT CONCAT('SM', LPAD(seq, 6, '0')), '2208162517', '가게', '홍길동', '2020-01-01', 'REGISTERED', '0000',"
                + " CONCAT('KIS', LPAD(seq, 12, '0')), ELT(1 + seq % 4, 'SMALL', 'MEDIUM_1', 'MEDIUM_2', 'MEDIUM_3'), ?, ?"
                + " FROM seq_1_to_1000", d.minusYears(1), d.plusYears(1));
        long loadStart = System.nanoTime();
        for (int from = 1; from <= ROWS; from += 100_000) {
            int to = Math.min(ROWS, from + 99_999);
            jdbc.update("INSERT INTO payment_transaction (transaction_id, sub_merchant_id, card_company, card_type,"
                    + " transaction_type, approval_no, approved_at, masked_card_no, amount, applied_fee_rate, fee_amount)"
                    + " SELECT CONCAT('TX', LPAD(seq, 12, '0')), CONCAT('SM', LPAD(1 + seq % 1000, 6, '0')), 'KB',"
                    + " IF(seq % 3 = 0, 'CHECK', 'CREDIT'), 'APPROVAL', LPAD(seq, 8, '0'),"
                    // transaction ids grow with time, as in production
                    + " TIMESTAMPADD(SECOND, FLOOR(seq * 86399 / " + ROWS + "), ?), '123456******1234', 10000 + seq % 5000, 2.300,"
                    + " FLOOR((10000 + seq % 5000) * 0.023) FROM seq_" + from + "_to_" + to, d.minusDays(1).atStartOfDay());
        }
        System.out.printf("loaded %d transactions in %d ms%n", ROWS, (System.nanoTime() - loadStart) / 1_000_000);

        long start = System.nanoTime();
        kickoffs.handle(new KickoffRequested(UUID.randomUUID().toString(), Job.DIFF_SETTLEMENT_REQUEST, d, null, "perf"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("collected %d transactions in %d ms (%.0f rows/s)%n", ROWS, millis, ROWS * 1000.0 / millis);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_transaction WHERE diff_status = 'COLLECTED'"
                + " AND diff_expected_amount > 0", Integer.class)).isEqualTo(ROWS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM settlement_request", Integer.class)).isEqualTo(ROWS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kis_file", Integer.class)).isEqualTo((ROWS + 9_999) / 10_000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event", Integer.class)).isEqualTo((ROWS + 9_999) / 10_000);
        // speed is printed, never asserted here (a busy CI machine would flake); see the README's benchmarks
    }
}
