package kr.co.pg.settlement.opsconsole.adapter.out.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.ops.JobRequests;
import kr.co.pg.settlement.opsconsole.application.ProgressQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The settlement database, read only. Every query goes through an index (job_run by date, kis_file by business date,
 * request rows by file id, payment_transaction by diff_status), so polling it every 2 s stays cheap on a big day.
 */
@Repository
class JdbcProgressQueries implements ProgressQueries {

    private final JdbcTemplate jdbc;
    private final java.time.Clock clock;

    JdbcProgressQueries(JdbcTemplate jdbc, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<JobRun> runs(Job job, LocalDate businessDate) {
        List<JobRun> runs = jdbc.query("SELECT r.kickoff_id, r.job, r.business_date, r.status, r.files_created,"
                        + " r.rows_collected, r.rows_rejected, r.rows_not_eligible, r.started_at, r.finished_at, r.message,"
                        + " (SELECT COUNT(*) FROM job_slice s WHERE s.kickoff_id = r.kickoff_id AND s.status = 'DONE'),"
                        + " (SELECT COUNT(*) FROM job_slice s WHERE s.kickoff_id = r.kickoff_id)"
                        + " FROM job_run r WHERE r.business_date = ? AND r.job = ? ORDER BY r.started_at, r.kickoff_id",
                (rs, i) -> new JobRun(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), time(rs.getTimestamp(9)),
                        time(rs.getTimestamp(10)), rs.getString(11), rs.getInt(12), rs.getInt(13)),
                Date.valueOf(businessDate), job.name());
        return runs;
    }

    @Override
    public RequestRows requestsOfDate(Job job, LocalDate businessDate) {
        Map<String, Long> byStatus = countBy(JobRequests.countByStatusOfDateSql(job), Date.valueOf(businessDate));
        return new RequestRows(JobRequests.fileType(job), byStatus, JobRequests.open(job, byStatus));
    }

    @Override
    public Map<String, Long> subMerchantsByStatus() {
        return countBy("SELECT kis_reg_status, COUNT(*) FROM sub_merchant GROUP BY kis_reg_status");
    }

    @Override
    public Map<String, Long> transactionsByStatus() {
        return countBy("SELECT diff_status, COUNT(*) FROM payment_transaction GROUP BY diff_status");
    }

    @Override
    public List<KisFile> files(LocalDate businessDate) {
        return jdbc.query("SELECT file_id, file_type, business_date, file_seq, record_count, status, receipt_no,"
                        + " failure_code, failure_message, failure_line, replaced_by_file_id, created_at, updated_at"
                        + " FROM kis_file WHERE business_date = ? ORDER BY file_type, file_date, file_seq",
                (rs, i) -> new KisFile(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getInt(4),
                        rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        (Integer) rs.getObject(10, Integer.class), rs.getString(11), time(rs.getTimestamp(12)),
                        time(rs.getTimestamp(13))),
                Date.valueOf(businessDate));
    }

    @Override
    public Map<String, Map<String, Long>> rejectionsByCode(LocalDate businessDate) {
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        result.put("registration", countBy("SELECT COALESCE(r.result_code, '-'), COUNT(*) FROM kis_file f"
                + " JOIN registration_request r ON r.file_id = f.file_id WHERE f.business_date = ? AND f.file_type = 'R1'"
                + " AND r.status = 'REJECTED' GROUP BY r.result_code", Date.valueOf(businessDate)));
        result.put("settlement", countBy("SELECT COALESCE(r.result_code, '-'), COUNT(*) FROM kis_file f"
                + " JOIN settlement_request r ON r.file_id = f.file_id WHERE f.business_date = ? AND f.file_type = 'S1'"
                + " AND r.status = 'REJECTED' GROUP BY r.result_code", Date.valueOf(businessDate)));
        return result;
    }

    @Override
    public List<Break> breaks(LocalDate businessDate) {
        return jdbc.query("SELECT transaction_id, file_id, expected_amount, settled_amount, recorded_at"
                        + " FROM reconciliation_break WHERE business_date = ? ORDER BY transaction_id LIMIT 1000",
                (rs, i) -> new Break(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        time(rs.getTimestamp(5))), Date.valueOf(businessDate));
    }

    @Override
    public Stuck stuck(Duration olderThan, int examples) {
        Timestamp before = Timestamp.valueOf(LocalDateTime.now(clock).minus(olderThan));
        long subMerchants = count("SELECT COUNT(*) FROM sub_merchant WHERE kis_reg_status IN ('REQUESTED','SENT')"
                + " AND kis_reg_updated_at < ?", before);
        long transactions = count("SELECT COUNT(*) FROM payment_transaction WHERE diff_status IN ('COLLECTED','SENT')"
                + " AND diff_updated_at < ?", before);
        List<StuckRow> rows = new ArrayList<>();
        rows.addAll(jdbc.query("SELECT sub_merchant_id, kis_reg_status, kis_reg_updated_at FROM sub_merchant"
                        + " WHERE kis_reg_status IN ('REQUESTED','SENT') AND kis_reg_updated_at < ? ORDER BY kis_reg_updated_at LIMIT ?",
                (rs, i) -> new StuckRow("sub-merchant", rs.getString(1), rs.getString(2), time(rs.getTimestamp(3))),
                before, examples));
        rows.addAll(jdbc.query("SELECT transaction_id, diff_status, diff_updated_at FROM payment_transaction"
                        + " WHERE diff_status IN ('COLLECTED','SENT') AND diff_updated_at < ? ORDER BY diff_updated_at LIMIT ?",
                (rs, i) -> new StuckRow("transaction", rs.getString(1), rs.getString(2), time(rs.getTimestamp(3))),
                before, examples));
        return new Stuck(olderThan.toString(), subMerchants, transactions, rows);
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private Map<String, Long> countBy(String sql, Object... args) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, args);
        return counts;
    }

    static LocalDateTime time(Timestamp ts) {
        return ts == null ? null : ts.toLocalDateTime();
    }
}
