package kr.co.pg.settlement.opsconsole.application;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** Reads of the poller's database (KIS receipts); optional: without POLLER_DB_URL nothing is configured. */
public interface ReceiptQueries {

    record Receipt(String receiptNo, String fileId, String fileType, LocalDate businessDate, String status, int attempts,
                   LocalDateTime submittedAt, LocalDateTime completedAt, LocalDateTime nextPollAt, String lastError) {
    }

    boolean configured();

    List<Receipt> ofDate(LocalDate businessDate);

    /** Receipts by status over all dates (PENDING ones are what KIS still works on). */
    Map<String, Long> byStatus();
}
