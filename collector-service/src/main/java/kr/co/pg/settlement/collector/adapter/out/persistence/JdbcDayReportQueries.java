package kr.co.pg.settlement.collector.adapter.out.persistence;

import static kr.co.pg.settlement.collector.adapter.out.persistence.FlowTables.REGISTRATION;
import static kr.co.pg.settlement.collector.adapter.out.persistence.FlowTables.SETTLEMENT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.collector.application.DayReport;
import kr.co.pg.settlement.collector.application.DayReportQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
record JdbcDayReportQueries(JdbcTemplate jdbc) implements DayReportQueries {

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
    public Map<String, Long> requestsByStatus(Flow flow, LocalDate d) {
        FlowTables f = FlowTables.of(flow);
        String status = "p." + f.status();
        return counts("SELECT " + status + ", COUNT(*) FROM " + f.requests() + " r JOIN " + f.rows() + " p"
                + " ON p." + f.key() + " = r." + f.key() + " WHERE r.business_date = ? GROUP BY " + status
                + " ORDER BY " + status, d);
    }

    @Override
    public Map<String, Long> decidedByCode(Flow flow, LocalDate d) {
        FlowTables f = FlowTables.of(flow);
        return counts("SELECT code, COUNT(*) FROM ("
                + " SELECT r.result_code code FROM " + f.requests() + " r WHERE r.business_date = ? AND r.status = 'REJECTED'"
                + " UNION ALL SELECT p." + f.resultCode() + " FROM " + f.rows() + " p WHERE " + f.localDecisions()
                + " AND " + madeByRunsOf("p." + f.stamp(), f) + ") x GROUP BY code ORDER BY code", d, d);
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
                        + " f.replaced_by_file_id, " + openRows(REGISTRATION) + " + " + openRows(SETTLEMENT) + " open_rows"
                        + " FROM kis_file f WHERE f.business_date = ? AND f.status IN ('FAILED', 'REFUSED') ORDER BY f.file_id",
                (rs, i) -> new DayReport.FileProblem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Integer) rs.getObject(5, Integer.class), rs.getString(6), rs.getLong(7)), d);
    }

    private static String openRows(FlowTables f) {
        return "(SELECT COUNT(*) FROM " + f.requests() + " r WHERE r.file_id = f.file_id AND r.status IN (" + f.inFile()
                + "))";
    }

    @Override
    public long stuck(Flow flow, LocalDateTime before) {
        return number("SELECT COUNT(*)" + FlowTables.of(flow).stuck(""), before);
    }

    @Override
    public List<DayReport.StuckRow> stuckExamples(LocalDateTime before, int limit) {
        return jdbc.query(stuckExamples(REGISTRATION) + " UNION ALL " + stuckExamples(SETTLEMENT),
                (rs, i) -> new DayReport.StuckRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDateTime.class)), before, limit, before, limit);
    }

    private static String stuckExamples(FlowTables f) {
        String request = " LEFT JOIN " + f.requests() + " r ON r." + f.key() + " = p." + f.key() + " AND r.status IN ("
                + f.inFile() + ")";
        return "(SELECT '" + f.kind() + "' kind, p." + f.key() + " id, p." + f.status() + " status, r.file_id, p."
                + f.stamp() + " since" + f.stuck(request) + " ORDER BY since LIMIT ?)";
    }

    /**
     * Local decisions belong to the business date whose kick-off made them: the row was stamped while one of that
     * date's runs of the job was going (a day may be run, or re-run, on any calendar day).
     */
    private static String madeByRunsOf(String stampColumn, FlowTables f) {
        return "EXISTS (SELECT 1 FROM job_run j WHERE j.business_date = ? AND j.job = '" + f.job().name() + "'"
                + " AND " + stampColumn + " >= j.started_at AND " + stampColumn + " <= COALESCE(j.finished_at, NOW(3)))";
    }
}
