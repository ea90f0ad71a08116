package kr.co.pg.settlement.poller.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kit.tracing.Traceparents;
import kr.co.pg.settlement.poller.application.PendingReceiptStore;
import kr.co.pg.settlement.poller.domain.PendingReceipt;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Claims are one UPDATE ... ORDER BY ... LIMIT: it reads the latest committed rows under row locks, so two
 * instances claiming at once never take the same receipt (the second waits for the first's rows and then sees them
 * claimed). An instance may re-claim its own unexpired claims (its rounds run one at a time).
 */
@Repository
class JdbcPendingReceiptStore implements PendingReceiptStore {

    private static final String COLUMNS = "receipt_no, file_id, file_type, business_date, file_date, file_seq,"
            + " record_count, attempts, traceparent";
    private static final String CLAIMABLE = " status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?"
            + " OR claimed_by = ?)";
    private static final String OWNED = " WHERE receipt_no = ? AND status = 'PENDING' AND claimed_by = ?";
    private static final String RELEASE = ", claimed_by = NULL, claimed_until = NULL";

    private final JdbcTemplate jdbc;
    private final Traceparents traceparents;

    JdbcPendingReceiptStore(JdbcTemplate jdbc, Traceparents traceparents) {
        this.jdbc = jdbc;
        this.traceparents = traceparents;
    }

    @Override
    public void addIfAbsent(List<PendingReceipt> receipts, LocalDateTime submittedAt) {
        Timestamp at = Timestamp.valueOf(submittedAt);
        // the trace the FileSubmitted came in: polling the receipt later continues it
        String current = traceparents.current();
        jdbc.batchUpdate("INSERT IGNORE INTO pending_receipt (receipt_no, file_id, file_type, business_date,"
                        + " file_date, file_seq, record_count, status, attempts, next_poll_at, submitted_at, traceparent)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)",
                receipts, receipts.size(), (ps, r) -> {
                    ps.setString(1, r.receiptNo());
                    ps.setString(2, r.fileId());
                    ps.setString(3, r.fileType().name());
                    ps.setObject(4, r.businessDate());
                    ps.setObject(5, r.fileDate());
                    ps.setInt(6, r.fileSeq());
                    ps.setInt(7, r.recordCount());
                    ps.setTimestamp(8, at);
                    ps.setTimestamp(9, at);
                    ps.setString(10, r.traceparent() != null ? r.traceparent() : current);
                });
    }

    @Override
    public List<PendingReceipt> claimDue(String owner, LocalDateTime now, LocalDateTime leaseUntil, int limit) {
        Timestamp until = lease(leaseUntil);
        jdbc.update("UPDATE pending_receipt SET claimed_by = ?, claimed_until = ? WHERE" + CLAIMABLE
                        + " AND next_poll_at <= ? ORDER BY next_poll_at, receipt_no LIMIT ?",
                owner, until, Timestamp.valueOf(now), owner, Timestamp.valueOf(now), limit);
        return claimed(owner, until, "next_poll_at, receipt_no");
    }

    @Override
    public List<PendingReceipt> claimPending(String owner, FileType requestType, LocalDateTime now,
                                             LocalDateTime leaseUntil, int limit) {
        Timestamp until = lease(leaseUntil);
        jdbc.update("UPDATE pending_receipt SET claimed_by = ?, claimed_until = ? WHERE" + CLAIMABLE
                        + " AND file_type = ? ORDER BY submitted_at, receipt_no LIMIT ?",
                owner, until, Timestamp.valueOf(now), owner, requestType.name(), limit);
        return claimed(owner, until, "submitted_at, receipt_no");
    }

    private List<PendingReceipt> claimed(String owner, Timestamp until, String order) {
        return jdbc.query("SELECT " + COLUMNS + " FROM pending_receipt WHERE claimed_by = ? AND claimed_until = ?"
                + " AND status = 'PENDING' ORDER BY " + order, JdbcPendingReceiptStore::map, owner, until);
    }

    /** DATETIME(3): the value written must equal the value read back. */
    private static Timestamp lease(LocalDateTime leaseUntil) {
        return Timestamp.valueOf(leaseUntil.truncatedTo(ChronoUnit.MILLIS));
    }

    @Override
    public void recordInProgress(String receiptNo, String owner, LocalDateTime polledAt, LocalDateTime nextPollAt) {
        jdbc.update("UPDATE pending_receipt SET last_polled_at = ?, next_poll_at = ?" + RELEASE + OWNED,
                Timestamp.valueOf(polledAt), Timestamp.valueOf(nextPollAt), receiptNo, owner);
    }

    @Override
    public void recordError(String receiptNo, String owner, String error, LocalDateTime polledAt,
                            LocalDateTime nextPollAt) {
        jdbc.update("UPDATE pending_receipt SET attempts = attempts + 1, last_error = ?, last_polled_at = ?,"
                        + " next_poll_at = ?" + RELEASE + OWNED,
                truncate(error), Timestamp.valueOf(polledAt), Timestamp.valueOf(nextPollAt), receiptNo, owner);
    }

    @Override
    public void markPublished(String receiptNo, String owner, LocalDateTime completedAt) {
        jdbc.update("UPDATE pending_receipt SET status = 'PUBLISHED', completed_at = ?, last_polled_at = ?" + RELEASE
                + OWNED, Timestamp.valueOf(completedAt), Timestamp.valueOf(completedAt), receiptNo, owner);
    }

    @Override
    public void markFailedPublished(String receiptNo, String owner, String message, LocalDateTime completedAt) {
        jdbc.update("UPDATE pending_receipt SET status = 'FAILED_PUBLISHED', completed_at = ?, last_polled_at = ?,"
                        + " last_error = ?" + RELEASE + OWNED, Timestamp.valueOf(completedAt),
                Timestamp.valueOf(completedAt), truncate("KIS FAILED: " + message), receiptNo, owner);
    }

    @Override
    public boolean markProcessed(String consumer, String eventId, LocalDateTime processedAt) {
        return jdbc.update("INSERT IGNORE INTO processed_event (consumer, event_id, processed_at) VALUES (?, ?, ?)",
                consumer, eventId, Timestamp.valueOf(processedAt)) == 1;
    }

    @Override
    public int makeDue(FileType requestType, LocalDateTime now) {
        return jdbc.update("UPDATE pending_receipt SET next_poll_at = ? WHERE status = 'PENDING' AND file_type = ?"
                + " AND next_poll_at > ?", Timestamp.valueOf(now), requestType.name(), Timestamp.valueOf(now));
    }

    private static PendingReceipt map(ResultSet rs, int row) throws SQLException {
        return new PendingReceipt(rs.getString("receipt_no"), rs.getString("file_id"),
                FileType.valueOf(rs.getString("file_type")), rs.getObject("business_date", java.time.LocalDate.class),
                rs.getObject("file_date", java.time.LocalDate.class), rs.getInt("file_seq"), rs.getInt("record_count"),
                rs.getInt("attempts"), rs.getString("traceparent"));
    }

    private static String truncate(String s) {
        if (s == null) {
            return null;
        }
        return s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }
}
