package kr.co.pg.settlement.ops.status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Map;
import kr.co.pg.settlement.ops.Database;

/** The database side of status: outbox backlog, rows stuck past a threshold, pending KIS receipts. */
final class StatusQueries {

    record Backlog(long rows, LocalDateTime oldest) {
    }

    private StatusQueries() {
    }

    /** Outbox rows not yet cleaned up (the relay publishes them from the binlog; the collector deletes them after). */
    static Backlog outbox(Database db) {
        return backlog(db, "SELECT COUNT(*), MIN(created_at) FROM outbox_event");
    }

    /** The poller's receipts still waiting for KIS's result. */
    static Backlog pendingReceipts(Database db) {
        return backlog(db, "SELECT COUNT(*), MIN(submitted_at) FROM pending_receipt WHERE status = 'PENDING'");
    }

    /** Rows in a waiting state unchanged since before {@code before} (KST wall clock, as the tables hold it). */
    static Map<String, Long> stuck(Database db, LocalDateTime before) {
        Timestamp since = Timestamp.valueOf(before);
        return db.countBy("SELECT CONCAT('transactions ', diff_status), COUNT(*) FROM payment_transaction"
                + " WHERE diff_status IN ('COLLECTED', 'SENT') AND (diff_updated_at IS NULL OR diff_updated_at < ?)"
                + " GROUP BY diff_status"
                + " UNION ALL SELECT CONCAT('sub-merchants ', kis_reg_status), COUNT(*) FROM sub_merchant"
                + " WHERE kis_reg_status IN ('REQUESTED', 'SENT') AND (kis_reg_updated_at IS NULL OR kis_reg_updated_at < ?)"
                + " GROUP BY kis_reg_status", since, since);
    }

    private static Backlog backlog(Database db, String sql) {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            Timestamp oldest = rs.getTimestamp(2);
            return new Backlog(rs.getLong(1), oldest == null ? null : oldest.toLocalDateTime());
        } catch (SQLException e) {
            throw db.failed(sql, e);
        }
    }
}
