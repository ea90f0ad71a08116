package kr.co.pg.settlement.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.co.pg.settlement.collector.application.KickoffHandler;
import kr.co.pg.settlement.collector.application.SliceCollection;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.outbox.OutboxPayloads;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.events.KickoffRequested;
import kr.co.pg.settlement.events.SettlementSliceRequested;
import kr.co.pg.settlement.events.Topics;
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
    @Autowired
    SliceCollection sliceCollection;

    @AfterAll
    void tearDown() {
        it.close();
    }

    @Test
    void collectsCandidatesInFilesFastEnough() throws Exception {
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
        String kickoffId = UUID.randomUUID().toString();
        kickoffs.handle(new KickoffRequested(kickoffId, Job.DIFF_SETTLEMENT_REQUEST, d, null, "perf"));
        // the kick-off was split into slice events (outbox); two consumers take them, as the slice listener would
        List<SettlementSliceRequested> slices = jdbc.query("SELECT payload FROM outbox_event WHERE topic = ? ORDER BY id",
                (rs, i) -> EventJson.read(OutboxPayloads.published(rs.getBytes(1)), SettlementSliceRequested.class), Topics.SETTLEMENT_SLICE_REQUESTED);
        ExecutorService consumers = Executors.newFixedThreadPool(2);
        try {
            for (Future<?> f : consumers.invokeAll(slices.stream().map(e -> (Callable<Object>) () -> {
                sliceCollection.onSlice(e);
                return null;
            }).toList())) {
                f.get();
            }
        } finally {
            consumers.shutdownNow();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("collected %d transactions in %d ms (%.0f rows/s)%n", ROWS, millis, ROWS * 1000.0 / millis);
        String status = jdbc.queryForObject("SHOW ENGINE INNODB STATUS", (rs, i) -> rs.getString("Status"));
        int deadlock = status.indexOf("LATEST DETECTED DEADLOCK");
        System.out.println(deadlock < 0 ? "no deadlock" : status.substring(deadlock, Math.min(status.length(),
                status.indexOf("TRANSACTIONS", deadlock) < 0 ? deadlock + 6000 : status.indexOf("TRANSACTIONS", deadlock))));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_transaction WHERE diff_status = 'COLLECTED'"
                + " AND diff_expected_amount > 0", Integer.class)).isEqualTo(ROWS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM settlement_request", Integer.class)).isEqualTo(ROWS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kis_file", Integer.class)).isEqualTo((ROWS + 9_999) / 10_000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kis_file WHERE record_count <> 10000", Integer.class))
                .as("slices are whole pages: every file but the day's last is full").isLessThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT file_seq) FROM kis_file", Integer.class))
                .as("each file its own sequence").isEqualTo((ROWS + 9_999) / 10_000);
        assertThat(slices).as("the run was split").hasSizeGreaterThan(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM job_slice WHERE kickoff_id = ? AND status = 'DONE'",
                Integer.class, kickoffId)).as("every slice finished").isEqualTo(slices.size());
        assertThat(jdbc.queryForObject("SELECT status FROM job_run WHERE kickoff_id = ?", String.class, kickoffId))
                .as("the last slice finished the run").isEqualTo("DONE");
        // speed is printed, never asserted here (a busy CI machine would flake); see the README's benchmarks
    }
}
