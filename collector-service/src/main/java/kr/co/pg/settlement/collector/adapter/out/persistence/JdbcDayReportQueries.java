package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.collector.application.DayReport;
import kr.co.pg.settlement.collector.application.DayReportQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDayReportQueries implements DayReportQueries {

    private final JdbcTemplate jdbc;

    JdbcDayReportQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private Map<String, Long> counts(String sql, Object... args) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            out.put(rs.getString(1) == null ? "-" : rs.getString(1), rs.getLong(2));
        }, args);
        return out;
    }

    private long number(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    @Override
    public Map<String, Long> subMerchantsByStatus() {
        return counts("SELECT kis_reg_status, COUNT(*) FROM sub_merchant GROUP BY kis_reg_status ORDER BY kis_reg_status");
    }

    @Override
    public Map<String, Long> registrationRequestsByStatus(LocalDate d) {
        return counts("SELECT s.kis_reg_status, COUNT(*) FROM registration_request r JOIN sub_merchant s"
                + " ON s.sub_merchant_id = r.sub_merchant_id WHERE r.business_date = ? GROUP BY s.kis_reg_status"
                + " ORDER BY s.kis_reg_status", d);
    }

    @Override
    public Map<String, Long> registrationRejectionsByCode(LocalDate d) {
        return counts("SELECT code, COUNT(*) FROM ("
                + " SELECT r.result_code code FROM registration_request r WHERE r.business_date = ? AND r.status = 'REJECTED'"
                + " UNION ALL SELECT s.kis_reg_result_code FROM sub_merchant s WHERE s.kis_reg_status = 'REJECTED'"
                + " AND s.kis_reg_result_code LIKE 'L%' AND " + madeByRunsOf("s.kis_reg_updated_at", "SUBMERCHANT_REGISTRATION_REQUEST")
                + ") x GROUP BY code ORDER BY code", d, d);
    }

    @Override
    public Map<String, Long> settlementRequestsByStatus(LocalDate d) {
        return counts("SELECT t.diff_status, COUNT(*) FROM settlement_request r JOIN payment_transaction t"
                + " ON t.transaction_id = r.transaction_id WHERE r.business_date = ? GROUP BY t.diff_status"
                + " ORDER BY t.diff_status", d);
    }

    @Override
    public Map<String, Long> settlementDecidedOnDayByCode(LocalDate d) {
        return counts("SELECT code, COUNT(*) FROM ("
                + " SELECT r.result_code code FROM settlement_request r WHERE r.business_date = ? AND r.status = 'REJECTED'"
                + " UNION ALL SELECT t.diff_result_code FROM payment_transaction t"
                + " WHERE t.diff_status IN ('NOT_ELIGIBLE', 'REJECTED') AND t.diff_result_code NOT REGEXP '^[0-9E]'"
                + " AND " + madeByRunsOf("t.diff_updated_at", "DIFF_SETTLEMENT_REQUEST") + ") x GROUP BY code ORDER BY code",
                d, d);
    }

    @Override
    public long waitingForRegistration(LocalDate d) {
        return number("SELECT COUNT(*) FROM payment_transaction WHERE diff_status = 'NONE' AND approved_at < ?",
                d.atStartOfDay());
    }

    @Override
    public long expectedAmount(LocalDate d) {
        return number("SELECT COALESCE(SUM(expected_amount), 0) FROM settlement_request WHERE business_date = ?", d);
    }

    @Override
    public long settledAmount(LocalDate d) {
        return number("SELECT COALESCE(SUM(t.diff_settled_amount), 0) FROM settlement_request r"
                + " JOIN payment_transaction t ON t.transaction_id = r.transaction_id"
                + " WHERE r.business_date = ? AND t.diff_status = 'SETTLED'", d);
    }

    @Override
    public List<DayReport.Break> breaks(LocalDate d) {
        return jdbc.query("SELECT transaction_id, file_id, expected_amount, settled_amount FROM reconciliation_break"
                        + " WHERE business_date = ? ORDER BY transaction_id",
                (rs, i) -> new DayReport.Break(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)), d);
    }

    @Override
    public List<DayReport.FileProblem> fileProblems(LocalDate d) {
        return jdbc.query("SELECT f.file_id, f.status, f.failure_code, f.failure_message, f.failure_line,"
                        + " f.replaced_by_file_id,"
                        + " (SELECT COUNT(*) FROM registration_request r WHERE r.file_id = f.file_id"
                        + "   AND r.status IN ('REQUESTED', 'SENT'))"
                        + " + (SELECT COUNT(*) FROM settlement_request s WHERE s.file_id = f.file_id"
                        + "   AND s.status IN ('COLLECTED', 'SENT')) open_rows"
                        + " FROM kis_file f WHERE f.business_date = ? AND f.status IN ('FAILED', 'REFUSED') ORDER BY f.file_id",
                (rs, i) -> new DayReport.FileProblem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Integer) rs.getObject(5, Integer.class), rs.getString(6), rs.getLong(7)), d);
    }

    @Override
    public long stuckSubMerchants(LocalDateTime before) {
        return number("SELECT COUNT(*) FROM sub_merchant WHERE kis_reg_status IN ('REQUESTED', 'SENT')"
                + " AND (kis_reg_updated_at IS NULL OR kis_reg_updated_at < ?)", before);
    }

    @Override
    public long stuckTransactions(LocalDateTime before) {
        return number("SELECT COUNT(*) FROM payment_transaction WHERE diff_status IN ('COLLECTED', 'SENT')"
                + " AND (diff_updated_at IS NULL OR diff_updated_at < ?)", before);
    }

    @Override
    public List<DayReport.StuckRow> stuckExamples(LocalDateTime before, int limit) {
        return jdbc.query("(SELECT 'sub-merchant' kind, s.sub_merchant_id id, s.kis_reg_status status, r.file_id,"
                        + " s.kis_reg_updated_at since FROM sub_merchant s LEFT JOIN registration_request r"
                        + " ON r.sub_merchant_id = s.sub_merchant_id AND r.status IN ('REQUESTED', 'SENT')"
                        + " WHERE s.kis_reg_status IN ('REQUESTED', 'SENT') AND (s.kis_reg_updated_at IS NULL OR s.kis_reg_updated_at < ?) ORDER BY since LIMIT ?)"
                        + " UNION ALL (SELECT 'transaction', t.transaction_id, t.diff_status, r.file_id, t.diff_updated_at"
                        + " FROM payment_transaction t LEFT JOIN settlement_request r ON r.transaction_id = t.transaction_id"
                        + " WHERE t.diff_status IN ('COLLECTED', 'SENT') AND (t.diff_updated_at IS NULL OR t.diff_updated_at < ?) ORDER BY t.diff_updated_at LIMIT ?)",
                (rs, i) -> new DayReport.StuckRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDateTime.class)), before, limit, before, limit);
    }

    /**
     * Local decisions belong to the business date whose kick-off made them: the row was stamped while one of that
     * date's runs of the job was going (a day may be run, or re-run, on any calendar day).
     */
    private static String madeByRunsOf(String stampColumn, String job) {
        return "EXISTS (SELECT 1 FROM job_run j WHERE j.business_date = ? AND j.job = '" + job + "'"
                + " AND " + stampColumn + " >= j.started_at AND " + stampColumn + " <= COALESCE(j.finished_at, NOW(3)))";
    }
}
