package kr.co.pg.settlement.poller.adapter.out.persistence;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Read-only figures for the metrics; the pending receipts through the index (status, file_type, submitted_at). */
@Repository
public class PollerMetricsQueries {

    /** Pending receipts of one request file type and when the oldest of them was submitted. */
    public record Pending(String fileType, long receipts, LocalDateTime oldestSubmittedAt) {
    }

    private final JdbcTemplate jdbc;

    PollerMetricsQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Pending> pendingReceipts() {
        return jdbc.query("SELECT file_type, COUNT(*), MIN(submitted_at) FROM pending_receipt WHERE status = 'PENDING'"
                        + " GROUP BY file_type",
                (rs, i) -> new Pending(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDateTime.class)));
    }
}
