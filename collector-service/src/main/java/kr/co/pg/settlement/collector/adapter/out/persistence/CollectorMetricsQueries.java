package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Read-only counts for the metrics. Each query is bounded: files only of the latest business dates (kis_file's
 * business_date index), request rows only of given files (the request tables' file_id keys), in-flight rows through the status
 * indexes (few rows once a day's files are settled), job runs of the latest week, the outbox by its primary key.
 */
@Repository
public class CollectorMetricsQueries {

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

    /** A KIS file of the recent business dates. */
    public record RecentFile(String fileId, String fileType, LocalDate businessDate, String status) {
    }

    /** Rows of one file in one status. */
    public record FileRows(String fileId, String status, long count) {
    }

    /** Files of business dates from {@code from} (kis_file's business_date index). */
    public List<RecentFile> recentFiles(LocalDate from) {
        return jdbc.query("SELECT file_id, file_type, business_date, status FROM kis_file WHERE business_date >= ?",
                (rs, i) -> new RecentFile(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4)), from);
    }

    /**
     * Request rows of these files by file and status: registration_request for R1 files, settlement_request for S1
     * files, through their file_id keys, 500 files per statement.
     */
    public List<FileRows> rowsOfFiles(String fileType, List<String> fileIds) {
        String table = switch (fileType) {
            case "R1" -> "registration_request";
            case "S1" -> "settlement_request";
            default -> throw new IllegalArgumentException("no request rows for file type " + fileType);
        };
        List<FileRows> out = new ArrayList<>();
        for (int from = 0; from < fileIds.size(); from += 500) {
            List<String> chunk = fileIds.subList(from, Math.min(fileIds.size(), from + 500));
            String in = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.query("SELECT file_id, status, COUNT(*) FROM " + table + " WHERE file_id IN (" + in + ")"
                    + " GROUP BY file_id, status", rs -> {
                out.add(new FileRows(rs.getString(1), rs.getString(2), rs.getLong(3)));
            }, chunk.toArray());
        }
        return out;
    }

    /** In-flight sub-merchants (REQUESTED/SENT) unchanged since before {@code before} (the day report's rule). */
    public long stuckSubMerchants(LocalDateTime before) {
        return number("SELECT COUNT(*)" + FlowTables.REGISTRATION.stuck(""), Timestamp.valueOf(before));
    }

    /** In-flight transactions (COLLECTED/SENT) unchanged since before {@code before} (the day report's rule). */
    public long stuckTransactions(LocalDateTime before) {
        return number("SELECT COUNT(*)" + FlowTables.SETTLEMENT.stuck(""), Timestamp.valueOf(before));
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
