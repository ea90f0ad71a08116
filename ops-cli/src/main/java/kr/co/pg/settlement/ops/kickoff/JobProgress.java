package kr.co.pg.settlement.ops.kickoff;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.ops.Database;
import kr.co.pg.settlement.ops.JobRequests;

/**
 * What the databases show about a kick-off: the collector's job_run row (REQUEST jobs), the poller's processed_event
 * row (RESULT jobs, consumer poller-kickoff), and the rows of the date's files by state. Index-friendly queries only
 * (files by business_date, then their rows by file id), so polling a 1,000,000-row day stays cheap.
 */
record JobProgress(Database settlement, Optional<Database> poller) {

    record Run(String status, int files, int collected, int rejected, int notEligible, String message) {
    }

    private static final String POLLER_KICKOFF_CONSUMER = "poller-kickoff";

    Optional<Run> jobRun(String kickoffId) {
        String sql = "SELECT status, files_created, rows_collected, rows_rejected, rows_not_eligible, message"
                + " FROM job_run WHERE kickoff_id = ?";
        try (Connection c = settlement.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, kickoffId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Run(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getString(6))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw settlement.failed("reading job_run", e);
        }
    }

    /** Empty when the poller's database is not configured. */
    Optional<Boolean> pollerHandled(String kickoffId) {
        return poller.map(db -> {
            try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM processed_event WHERE consumer = ? AND event_id = ?")) {
                ps.setString(1, POLLER_KICKOFF_CONSUMER);
                ps.setString(2, kickoffId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) > 0;
                }
            } catch (SQLException e) {
                throw db.failed("reading processed_event", e);
            }
        });
    }

    /** The rows of the date's request files (registration_request or settlement_request) by status. */
    Map<String, Long> requestsOfDate(Job job, LocalDate businessDate) {
        return settlement.countBy(JobRequests.countByStatusOfDateSql(job), Date.valueOf(businessDate));
    }

    /** All sub-merchants (registration jobs) or transactions (settlement jobs) by state: the whole picture. */
    Map<String, Long> rowsByState(Job job) {
        return JobRequests.registration(job)
                ? settlement.countBy("SELECT kis_reg_status, COUNT(*) FROM sub_merchant GROUP BY kis_reg_status ORDER BY 1")
                : settlement.countBy("SELECT diff_status, COUNT(*) FROM payment_transaction GROUP BY diff_status ORDER BY 1");
    }
}
