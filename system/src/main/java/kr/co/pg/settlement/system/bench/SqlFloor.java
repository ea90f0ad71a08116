package kr.co.pg.settlement.system.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The SQL floor: the least the database must do to settle the day's rows as one set-based batch, timed on a copy of
 * the same data in a database of its own on the same server. Before the timed part the copy is made (CREATE TABLE
 * ... LIKE + INSERT ... SELECT of payment_transaction and sub_merchant) together with an empty settlement_request
 * (CREATE TABLE ... LIKE: the collector's own table) and the rate periods of preferential_fee_rate. Timed, statement
 * by statement:
 * <ol>
 * <li>collect: INSERT ... SELECT of the eligible rows into the request table with their expected difference
 * (sub-merchant REGISTERED, tier SMALL..MEDIUM_3 valid on the row's date, the rate in force on that date, the
 * difference truncated toward zero and of the right sign), then UPDATE ... JOIN of those transactions to COLLECTED;</li>
 * <li>send: UPDATE ... JOIN of the request rows and their transactions to SENT;</li>
 * <li>settle: INSERT ... SELECT of a results table (every row accepted, difference = expected: what loading KIS's
 * result files would produce), then UPDATE ... JOIN of the transactions and the request rows to SETTLED.</li>
 * </ol>
 * It approximates the rules (no same-day cancel pairing N003, no NOT_ELIGIBLE marking, no files, no events): a
 * floor, not a second implementation. The floor database is dropped afterwards.
 */
public final class SqlFloor {

    /** Seconds of each timed part and the rows the floor collected. */
    public record Result(double collectSeconds, double sendSeconds, double settleSeconds, long rows) {
        public double totalSeconds() {
            return collectSeconds + sendSeconds + settleSeconds;
        }
    }

    private static final String RESULT_TABLE = """
            CREATE TABLE settlement_result (
              transaction_id  VARCHAR(20) NOT NULL PRIMARY KEY,
              result_code     CHAR(4)     NOT NULL,
              settled_amount  BIGINT      NOT NULL,
              payout_date     DATE        NOT NULL
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin""";
    private static final String RATE_PERIOD_TABLE = """
            CREATE TABLE rate_period (
              card_type   VARCHAR(6)   NOT NULL,
              fee_tier    VARCHAR(10)  NOT NULL,
              valid_from  DATE         NOT NULL,
              valid_to    DATE         NOT NULL,
              rate        DECIMAL(6,3) NOT NULL,
              PRIMARY KEY (card_type, fee_tier, valid_from)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin""";
    private static final String COLLECT = """
            INSERT INTO settlement_request (transaction_id, file_id, seq, business_date, expected_amount, status,
                                            created_at, updated_at)
            SELECT x.transaction_id, CONCAT('S1-FLOOR-', LPAD((x.rn - 1) DIV ? + 1, 6, '0')), (x.rn - 1) MOD ? + 1, ?,
                   x.expected, 'COLLECTED', NOW(3), NOW(3)
            FROM (SELECT t.transaction_id, ROW_NUMBER() OVER (ORDER BY t.transaction_id) AS rn,
                         TRUNCATE(t.amount * (t.applied_fee_rate - r.rate) / 100, 0) AS expected
                  FROM payment_transaction t
                  JOIN sub_merchant s ON s.sub_merchant_id = t.sub_merchant_id
                  JOIN rate_period r ON r.card_type = t.card_type AND r.fee_tier = s.fee_tier
                                    AND DATE(t.approved_at) BETWEEN r.valid_from AND r.valid_to
                  WHERE t.diff_status = 'NONE' AND t.approved_at < ?
                    AND s.kis_reg_status = 'REGISTERED' AND s.fee_tier IN ('SMALL','MEDIUM_1','MEDIUM_2','MEDIUM_3')
                    AND DATE(t.approved_at) BETWEEN s.tier_valid_from AND s.tier_valid_to
                    AND t.applied_fee_rate > r.rate) x
            WHERE x.expected <> 0""";
    private static final String MARK_COLLECTED = """
            UPDATE settlement_request r STRAIGHT_JOIN payment_transaction t ON t.transaction_id = r.transaction_id
            SET t.diff_status = 'COLLECTED', t.diff_expected_amount = r.expected_amount, t.diff_updated_at = NOW(3)
            WHERE r.business_date = ? AND t.diff_status = 'NONE'""";
    private static final String MARK_SENT = """
            UPDATE settlement_request r STRAIGHT_JOIN payment_transaction t ON t.transaction_id = r.transaction_id
            SET t.diff_status = 'SENT', t.diff_updated_at = NOW(3), r.status = 'SENT', r.updated_at = NOW(3)
            WHERE r.business_date = ? AND r.status = 'COLLECTED'""";
    private static final String LOAD_RESULTS = """
            INSERT INTO settlement_result (transaction_id, result_code, settled_amount, payout_date)
            SELECT transaction_id, '0000', expected_amount, ? FROM settlement_request WHERE business_date = ?""";
    private static final String MARK_SETTLED = """
            UPDATE settlement_result x STRAIGHT_JOIN settlement_request r ON r.transaction_id = x.transaction_id
                   STRAIGHT_JOIN payment_transaction t ON t.transaction_id = x.transaction_id
            SET t.diff_status = 'SETTLED', t.diff_settled_amount = x.settled_amount, t.diff_result_code = x.result_code,
                t.diff_payout_date = x.payout_date, t.diff_updated_at = NOW(3),
                r.status = 'SETTLED', r.result_code = x.result_code, r.updated_at = NOW(3)
            WHERE r.status = 'SENT'""";

    private SqlFloor() {
    }

    /**
     * Copies the settlement database's rows into {@code floorDatabase} (created empty by the caller, reached by
     * {@code floor}), times the three parts and drops nothing: the caller drops the database.
     */
    public static Result measure(DataSource floor, String settlementDatabase, LocalDate businessDate, int fileSize,
                                 Consumer<String> progress) throws SQLException {
        try (Connection c = floor.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                String source = "`" + settlementDatabase + "`.";
                s.execute("CREATE TABLE payment_transaction LIKE " + source + "payment_transaction");
                s.execute("CREATE TABLE sub_merchant LIKE " + source + "sub_merchant");
                s.execute("CREATE TABLE settlement_request LIKE " + source + "settlement_request");
                s.execute(RESULT_TABLE);
                s.execute(RATE_PERIOD_TABLE);
                progress.accept("SQL floor: copying the rows (untimed) ...");
                s.executeUpdate("INSERT INTO payment_transaction SELECT * FROM " + source + "payment_transaction");
                s.executeUpdate("INSERT INTO sub_merchant SELECT * FROM " + source + "sub_merchant");
                s.executeUpdate("INSERT INTO rate_period (card_type, fee_tier, valid_from, valid_to, rate)"
                        + " SELECT card_type, fee_tier, effective_from, COALESCE(LEAD(effective_from) OVER"
                        + " (PARTITION BY card_type, fee_tier ORDER BY effective_from) - INTERVAL 1 DAY, '9999-12-31'),"
                        + " rate FROM " + source + "preferential_fee_rate");
                s.execute("ANALYZE TABLE payment_transaction, sub_merchant, rate_period");
            }
            progress.accept("SQL floor: timing collect, send, settle ...");
            long t0 = System.nanoTime();
            long rows = update(c, COLLECT, fileSize, fileSize, businessDate, businessDate);
            update(c, MARK_COLLECTED, businessDate);
            long t1 = System.nanoTime();
            update(c, MARK_SENT, businessDate);
            long t2 = System.nanoTime();
            update(c, LOAD_RESULTS, businessDate.plusDays(2), businessDate);
            update(c, MARK_SETTLED);
            long t3 = System.nanoTime();
            return new Result((t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, rows);
        }
    }

    private static long update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeLargeUpdate();
        }
    }
}
