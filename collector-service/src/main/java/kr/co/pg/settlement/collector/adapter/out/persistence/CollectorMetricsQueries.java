package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Read-only counts for the metrics. Each query is bounded: request rows and files only of the latest business dates
 * (through kis_file's business_date index and the request tables' file_id keys), in-flight rows through the status
 * indexes (few rows once a day's files are settled), job runs of the latest week, the outbox by its primary key.
 */
@Repository
public class CollectorMetricsQueries {

    /** A count of rows with these labels. */
    public record Count(LocalDate businessDate, String kind, String status, long count) {
    }

    /** The latest run of each job (of job_run's latest week). */
    public record JobRun(String job, String status, LocalDateTime startedAt, LocalDateTime finishedAt,
                         LocalDateTime lastDoneAt) {
    }

    /** Rows of outbox_event and the oldest one's creation time (null when empty). */
    public record OutboxBacklog(long rows, LocalDateTime oldestCreatedAt) {
    }

    private final JdbcTemplate jdbc;

    CollectorMetricsQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The oldest of the latest {@code n} business dates that have files; null when there is no file. */
    public LocalDate oldestOfLatestBusinessDates(int n) {
        List<LocalDate> dates = jdbc.queryForList("SELECT DISTINCT business_date FROM kis_file"
                + " ORDER BY business_date DESC LIMIT ?", LocalDate.class, n);
        return dates.isEmpty() ? null : dates.get(dates.size() - 1);
    }

    /** Request rows by business date, flow (kind: registration|settlement) and status, of files from {@code from}. */
    public List<Count> requestRows(LocalDate from) {
        List<Count> out = new ArrayList<>();
        jdbc.query("SELECT f.business_date, r.status, COUNT(*) FROM kis_file f"
                + " JOIN registration_request r ON r.file_id = f.file_id"
                + " WHERE f.business_date >= ? AND f.file_type = 'R1' GROUP BY f.business_date, r.status",
                rs -> { out.add(new Count(rs.getObject(1, LocalDate.class), "registration", rs.getString(2),
                        rs.getLong(3))); }, from);
        jdbc.query("SELECT f.business_date, r.status, COUNT(*) FROM kis_file f"
                + " JOIN settlement_request r ON r.file_id = f.file_id"
                + " WHERE f.business_date >= ? AND f.file_type = 'S1' GROUP BY f.business_date, r.status",
                rs -> { out.add(new Count(rs.getObject(1, LocalDate.class), "settlement", rs.getString(2),
                        rs.getLong(3))); }, from);
        return out;
    }

    /** Files by business date, file type (kind) and status, from {@code from}. */
    public List<Count> files(LocalDate from) {
        return jdbc.query("SELECT business_date, file_type, status, COUNT(*) FROM kis_file WHERE business_date >= ?"
                        + " GROUP BY business_date, file_type, status",
                (rs, i) -> new Count(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3), rs.getLong(4)),
                from);
    }

    /** In-flight sub-merchants (REQUESTED/SENT) unchanged since before {@code before} (the day report's rule). */
    public long stuckSubMerchants(LocalDateTime before) {
        return number("SELECT COUNT(*) FROM sub_merchant WHERE kis_reg_status IN ('REQUESTED', 'SENT')"
                + " AND (kis_reg_updated_at IS NULL OR kis_reg_updated_at < ?)", Timestamp.valueOf(before));
    }

    /** In-flight transactions (COLLECTED/SENT) unchanged since before {@code before} (the day report's rule). */
    public long stuckTransactions(LocalDateTime before) {
        return number("SELECT COUNT(*) FROM payment_transaction WHERE diff_status IN ('COLLECTED', 'SENT')"
                + " AND (diff_updated_at IS NULL OR diff_updated_at < ?)", Timestamp.valueOf(before));
    }

    /** The latest run of each job started in the week before the latest business date with a run. */
    public List<JobRun> latestJobRuns() {
        List<JobRun> out = new ArrayList<>();
        jdbc.query("SELECT j.job, j.status, j.started_at, j.finished_at,"
                + " (SELECT MAX(d.finished_at) FROM job_run d WHERE d.job = j.job AND d.status = 'DONE'"
                + "   AND d.business_date >= (SELECT MAX(business_date) FROM job_run) - INTERVAL 7 DAY)"
                + " FROM job_run j"
                + " WHERE j.business_date >= (SELECT MAX(business_date) FROM job_run) - INTERVAL 7 DAY"
                + " ORDER BY j.job, j.started_at", rs -> {
            JobRun run = new JobRun(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDateTime.class),
                    rs.getObject(4, LocalDateTime.class), rs.getObject(5, LocalDateTime.class));
            if (!out.isEmpty() && out.get(out.size() - 1).job().equals(run.job())) {
                out.set(out.size() - 1, run);
            } else {
                out.add(run);
            }
        });
        return out;
    }

    public OutboxBacklog outbox() {
        return jdbc.queryForObject("SELECT COUNT(*), MIN(created_at) FROM outbox_event",
                (rs, i) -> new OutboxBacklog(rs.getLong(1), rs.getObject(2, LocalDateTime.class)));
    }

    /** Outbox rows with an id above {@code afterId} created at or after {@code since} (null: any time). */
    public OutboxBacklog outboxAfter(long afterId, LocalDateTime since) {
        LocalDateTime from = since == null ? LocalDateTime.of(1970, 1, 1, 0, 0) : since;
        return jdbc.queryForObject("SELECT COUNT(*), MIN(created_at) FROM outbox_event WHERE id > ? AND created_at >= ?",
                (rs, i) -> new OutboxBacklog(rs.getLong(1), rs.getObject(2, LocalDateTime.class)), afterId,
                Timestamp.valueOf(from));
    }

    private long number(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
