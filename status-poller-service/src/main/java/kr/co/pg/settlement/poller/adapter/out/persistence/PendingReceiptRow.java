package kr.co.pg.settlement.poller.adapter.out.persistence;

import java.time.LocalDate;
import java.time.LocalDateTime;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.poller.domain.PendingReceipt;
import kr.co.pg.settlement.poller.domain.PendingReceiptStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** The pending_receipt aggregate (Spring Data JDBC maps the columns by name; enums are stored by name). */
@Table("pending_receipt")
record PendingReceiptRow(@Id String receiptNo, String fileId, FileType fileType, LocalDate businessDate,
                         LocalDate fileDate, int fileSeq, int recordCount, PendingReceiptStatus status, int attempts,
                         LocalDateTime nextPollAt, LocalDateTime lastPolledAt, String lastError,
                         LocalDateTime submittedAt, LocalDateTime completedAt, String claimedBy,
                         LocalDateTime claimedUntil, String traceparent) {

    PendingReceipt toReceipt() {
        return new PendingReceipt(receiptNo, fileId, fileType, businessDate, fileDate, fileSeq, recordCount, attempts,
                traceparent);
    }
}
