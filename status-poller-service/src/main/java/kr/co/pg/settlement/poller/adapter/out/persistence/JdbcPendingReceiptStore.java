package kr.co.pg.settlement.poller.adapter.out.persistence;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kit.tracing.Traceparents;
import kr.co.pg.settlement.poller.application.PendingReceiptStore;
import kr.co.pg.settlement.poller.domain.PendingReceipt;
import kr.co.pg.settlement.poller.domain.PendingReceiptStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * pending_receipt through Spring Data JDBC ({@link PendingReceiptRepository}), new receipts in one batch. Claims are
 * one UPDATE ... ORDER BY ... LIMIT: it reads the latest committed rows under row locks, so two instances claiming at
 * once never take the same receipt (the second waits for the first's rows and then sees them claimed). An instance
 * may re-claim its own unexpired claims (its rounds run one at a time).
 */
@Component
record JdbcPendingReceiptStore(JdbcTemplate jdbc, PendingReceiptRepository receipts, Traceparents traceparents)
        implements PendingReceiptStore {

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
        LocalDateTime until = lease(leaseUntil);
        receipts.claimDue(owner, until, now, limit);
        return receipts.claimedDue(owner, until).stream().map(PendingReceiptRow::toReceipt).toList();
    }

    @Override
    public List<PendingReceipt> claimPending(String owner, FileType requestType, LocalDateTime now,
                                             LocalDateTime leaseUntil, int limit) {
        LocalDateTime until = lease(leaseUntil);
        receipts.claimPending(owner, until, now, requestType.name(), limit);
        return receipts.claimedPending(owner, until).stream().map(PendingReceiptRow::toReceipt).toList();
    }

    /** DATETIME(3): the value written must equal the value read back. */
    private static LocalDateTime lease(LocalDateTime leaseUntil) {
        return leaseUntil.truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void recordInProgress(String receiptNo, String owner, LocalDateTime polledAt, LocalDateTime nextPollAt) {
        receipts.recordInProgress(receiptNo, owner, polledAt, nextPollAt);
    }

    @Override
    public void recordError(String receiptNo, String owner, String error, LocalDateTime polledAt,
                            LocalDateTime nextPollAt) {
        receipts.recordError(receiptNo, owner, truncate(error), polledAt, nextPollAt);
    }

    @Override
    public void markPublished(String receiptNo, String owner, LocalDateTime completedAt) {
        receipts.complete(receiptNo, owner, PendingReceiptStatus.PUBLISHED.name(), null, completedAt);
    }

    @Override
    public void markFailedPublished(String receiptNo, String owner, String message, LocalDateTime completedAt) {
        receipts.complete(receiptNo, owner, PendingReceiptStatus.FAILED_PUBLISHED.name(),
                truncate("KIS FAILED: " + message), completedAt);
    }

    @Override
    public boolean markProcessed(String consumer, String eventId, LocalDateTime processedAt) {
        return jdbc.update("INSERT IGNORE INTO processed_event (consumer, event_id, processed_at) VALUES (?, ?, ?)",
                consumer, eventId, Timestamp.valueOf(processedAt)) == 1;
    }

    @Override
    public int makeDue(FileType requestType, LocalDateTime now) {
        return receipts.makeDue(requestType.name(), now);
    }

    private static String truncate(String s) {
        if (s == null) {
            return null;
        }
        return s.length() <= 1000 ? s : s.substring(0, 997) + "...";
    }
}
