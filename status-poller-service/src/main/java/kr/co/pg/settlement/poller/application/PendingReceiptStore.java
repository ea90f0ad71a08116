package kr.co.pg.settlement.poller.application;

import java.time.LocalDateTime;
import java.util.List;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.poller.domain.PendingReceipt;

/**
 * The poller's own table of receipts to poll, and its record of processed events. A receipt is polled only by the
 * poller instance that claimed it (owner + lease expiry); every update after a poll releases the claim and is
 * ignored when the claim was lost (lease expired and another instance took the receipt over).
 */
public interface PendingReceiptStore {

    /** Adds receipts not yet known (a known receipt, in whatever status, is left as it is). */
    void addIfAbsent(List<PendingReceipt> receipts, LocalDateTime submittedAt);

    /**
     * Claims for {@code owner} until {@code leaseUntil} up to {@code limit} PENDING receipts due at {@code now}
     * that no other instance holds, oldest first, and returns them.
     */
    List<PendingReceipt> claimDue(String owner, LocalDateTime now, LocalDateTime leaseUntil, int limit);

    /** As {@link #claimDue}, but every PENDING receipt of this request type, whatever its next poll time. */
    List<PendingReceipt> claimPending(String owner, FileType requestType, LocalDateTime now, LocalDateTime leaseUntil,
                                      int limit);

    /** KIS is still processing: poll again at {@code nextPollAt}; releases the claim. */
    void recordInProgress(String receiptNo, String owner, LocalDateTime polledAt, LocalDateTime nextPollAt);

    /** The poll failed (invalid result file, KIS trouble): count the attempt, keep it PENDING, release the claim. */
    void recordError(String receiptNo, String owner, String error, LocalDateTime polledAt, LocalDateTime nextPollAt);

    void markPublished(String receiptNo, String owner, LocalDateTime completedAt);

    void markFailedPublished(String receiptNo, String owner, String message, LocalDateTime completedAt);

    /** Records the event as processed; false when it already was (a redelivery). */
    boolean markProcessed(String consumer, String eventId, LocalDateTime processedAt);

    /** Makes every PENDING receipt of this request type due at {@code now} (a RESULT kick-off). */
    int makeDue(FileType requestType, LocalDateTime now);
}
