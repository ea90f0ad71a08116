package kr.co.pg.settlement.poller.application;

import java.time.LocalDateTime;
import java.util.List;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.poller.domain.PendingReceipt;

/** The poller's own table of receipts to poll, and its record of processed events. */
public interface PendingReceiptStore {

    /** Adds receipts not yet known (a known receipt, in whatever status, is left as it is). */
    void addIfAbsent(List<PendingReceipt> receipts, LocalDateTime submittedAt);

    /** PENDING receipts whose next poll is due at {@code now}, oldest first. */
    List<PendingReceipt> findDue(LocalDateTime now, int limit);

    /** Every PENDING receipt of this request type, whatever its next poll time, oldest first. */
    List<PendingReceipt> findPending(FileType requestType, int limit);

    /** KIS is still processing: poll again at {@code nextPollAt}. */
    void recordInProgress(String receiptNo, LocalDateTime polledAt, LocalDateTime nextPollAt);

    /** The poll failed (invalid result file, KIS trouble): count the attempt and keep the receipt PENDING. */
    void recordError(String receiptNo, String error, LocalDateTime polledAt, LocalDateTime nextPollAt);

    void markPublished(String receiptNo, LocalDateTime completedAt);

    void markFailedPublished(String receiptNo, String message, LocalDateTime completedAt);

    boolean isProcessed(String consumer, String eventId);

    void markProcessed(String consumer, String eventId, LocalDateTime processedAt);
}
