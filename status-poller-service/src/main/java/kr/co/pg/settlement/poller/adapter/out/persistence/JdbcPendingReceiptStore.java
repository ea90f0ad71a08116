package kr.co.pg.settlement.poller.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.poller.application.PendingReceiptStore;
import kr.co.pg.settlement.poller.domain.PendingReceipt;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPendingReceiptStore implements PendingReceiptStore {

    private static final String PENDING = "PENDING";
    private static final String COLUMNS = "receipt_no, file_id, file_type, business_date, file_date, file_seq,"
            + " record_count, attempts";

    private final JdbcTemplate jdbc;

    JdbcPendingReceiptStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void addIfAbsent(List<PendingReceipt> receipts, LocalDateTime submittedAt) {
        Timestamp at = Timestamp.valueOf(submittedAt);
        jdbc.batchUpdate("INSERT IGNORE INTO pending_receipt (receipt_no, file_id, file_type, business_date,"
                        + " file_date, file_seq, record_count, status, attempts, next_poll_at, submitted_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
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
                });
    }

    @Override
    public List<PendingReceipt> findDue(LocalDateTime now, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM pending_receipt WHERE status = ? AND next_poll_at <= ?"
                + " ORDER BY next_poll_at, receipt_no LIMIT ?", JdbcPendingReceiptStore::map, PENDING,
                Timestamp.valueOf(now), limit);
    }

    @Override
    public List<PendingReceipt> findPending(FileType requestType, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM pending_receipt WHERE status = ? AND file_type = ?"
                + " ORDER BY submitted_at, receipt_no LIMIT ?", JdbcPendingReceiptStore::map, PENDING,
                requestType.name(), limit);
    }

    @Override
    public void recordInProgress(String receiptNo, LocalDateTime polledAt, LocalDateTime nextPollAt) {
        jdbc.update("UPDATE pending_receipt SET last_polled_at = ?, next_poll_at = ? WHERE receipt_no = ?"
                + " AND status = 'PENDING'", Timestamp.valueOf(polledAt), Timestamp.valueOf(nextPollAt), receiptNo);
    }

    @Override
    public void recordError(String receiptNo, String error, LocalDateTime polledAt, LocalDateTime nextPollAt) {
        jdbc.update("UPDATE pending_receipt SET attempts = attempts + 1, last_error = ?, last_polled_at = ?,"
                        + " next_poll_at = ? WHERE receipt_no = ? AND status = 'PENDING'",
                truncate(error), Timestamp.valueOf(polledAt), Timestamp.valueOf(nextPollAt), receiptNo);
    }

    @Override
    public void markPublished(String receiptNo, LocalDateTime completedAt) {
        jdbc.update("UPDATE pending_receipt SET status = 'PUBLISHED', completed_at = ?, last_polled_at = ?"
                + " WHERE receipt_no = ? AND status = 'PENDING'", Timestamp.valueOf(completedAt),
                Timestamp.valueOf(completedAt), receiptNo);
    }

    @Override
    public void markFailedPublished(String receiptNo, String message, LocalDateTime completedAt) {
        jdbc.update("UPDATE pending_receipt SET status = 'FAILED_PUBLISHED', completed_at = ?, last_polled_at = ?,"
                + " last_error = ? WHERE receipt_no = ? AND status = 'PENDING'", Timestamp.valueOf(completedAt),
                Timestamp.valueOf(completedAt), truncate("KIS FAILED: " + message), receiptNo);
    }

    @Override
    public boolean isProcessed(String consumer, String eventId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                Integer.class, consumer, eventId);
        return count != null && count > 0;
    }

    @Override
    public void markProcessed(String consumer, String eventId, LocalDateTime processedAt) {
        jdbc.update("INSERT IGNORE INTO processed_event (consumer, event_id, processed_at) VALUES (?, ?, ?)",
                consumer, eventId, Timestamp.valueOf(processedAt));
    }

    private static PendingReceipt map(ResultSet rs, int row) throws SQLException {
        return new PendingReceipt(rs.getString("receipt_no"), rs.getString("file_id"),
                FileType.valueOf(rs.getString("file_type")), rs.getObject("business_date", java.time.LocalDate.class),
                rs.getObject("file_date", java.time.LocalDate.class), rs.getInt("file_seq"), rs.getInt("record_count"),
                rs.getInt("attempts"));
    }

    private static String truncate(String s) {
        if (s == null) {
            return null;
        }
        return s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }
}
