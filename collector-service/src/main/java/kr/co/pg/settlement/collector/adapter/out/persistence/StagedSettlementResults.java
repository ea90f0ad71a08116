package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.time.LocalDateTime;
import java.util.List;
import kr.co.pg.settlement.events.SettlementResultsReceived.SettlementResult;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Applies one part of S2 results set-based: the part's records go into a per-connection temporary table in one
 * bulk insert, then one INSERT ... SELECT records the reconciliation breaks and one join UPDATE changes
 * settlement_request and payment_transaction together. A temporary table is private to the connection (no
 * clash between parallel consumers) and, with ROW binlog, never written to the binlog. Must run inside the
 * caller's transaction.
 */
final class StagedSettlementResults {

    private static final String STAGE = "settlement_result_stage";

    private final JdbcTemplate jdbc;

    StagedSettlementResults(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return transactions changed (rows still COLLECTED/SENT in this file, at the record's sequence) */
    int apply(String fileId, List<SettlementResult> results, LocalDateTime now) {
        stage(results);
        // breaks first: the status guard must still see COLLECTED/SENT
        jdbc.update("INSERT IGNORE INTO reconciliation_break (transaction_id, business_date, file_id, expected_amount,"
                + " settled_amount, recorded_at)"
                + " SELECT r.transaction_id, r.business_date, r.file_id, t.diff_expected_amount, s.difference_amount, ?"
                + " FROM " + STAGE + " s STRAIGHT_JOIN settlement_request r"
                + "   ON r.transaction_id = s.transaction_id AND r.file_id = ? AND r.seq = s.seq"
                + " STRAIGHT_JOIN payment_transaction t ON t.transaction_id = r.transaction_id"
                + " WHERE s.result_code = '0000' AND t.diff_expected_amount <> s.difference_amount"
                + " AND r.status IN ('COLLECTED', 'SENT') AND t.diff_status IN ('COLLECTED', 'SENT')", now, fileId);
        int changed = jdbc.update("UPDATE " + STAGE + " s STRAIGHT_JOIN settlement_request r"
                + "   ON r.transaction_id = s.transaction_id AND r.file_id = ? AND r.seq = s.seq"
                + " STRAIGHT_JOIN payment_transaction t ON t.transaction_id = r.transaction_id"
                + " SET t.diff_status = IF(s.result_code = '0000', 'SETTLED', 'REJECTED'), t.diff_result_code = s.result_code,"
                + " t.diff_settled_amount = IF(s.result_code = '0000', s.difference_amount, t.diff_settled_amount),"
                + " t.diff_payout_date = IF(s.result_code = '0000', s.payout_date, t.diff_payout_date),"
                + " t.diff_updated_at = ?,"
                + " r.status = IF(s.result_code = '0000', 'SETTLED', 'REJECTED'), r.result_code = s.result_code,"
                + " r.updated_at = ?"
                + " WHERE t.diff_status IN ('COLLECTED', 'SENT') AND r.status IN ('COLLECTED', 'SENT')", fileId, now, now);
        jdbc.update("DELETE FROM " + STAGE);
        // a multi-table UPDATE counts the rows of both tables it changed
        return changed / 2;
    }

    private void stage(List<SettlementResult> results) {
        jdbc.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + STAGE + " (transaction_id VARCHAR(20) NOT NULL,"
                + " seq INT NOT NULL PRIMARY KEY, result_code CHAR(4) NOT NULL, difference_amount BIGINT NOT NULL, payout_date DATE NULL)"
                + " ENGINE=MEMORY");
        // left over only if an earlier use on this connection failed half-way
        jdbc.update("DELETE FROM " + STAGE);
        jdbc.batchUpdate("INSERT INTO " + STAGE + " (transaction_id, seq, result_code, difference_amount, payout_date)"
                + " VALUES (?, ?, ?, ?, ?)", results, 5000, (ps, r) -> {
                    ps.setString(1, r.transactionId());
                    ps.setInt(2, r.seq());
                    ps.setString(3, r.resultCode());
                    ps.setLong(4, r.differenceAmount());
                    ps.setObject(5, r.payoutDate());
                });
    }
}
