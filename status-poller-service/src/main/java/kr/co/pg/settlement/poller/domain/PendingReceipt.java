package kr.co.pg.settlement.poller.domain;

import java.time.LocalDate;
import kr.co.pg.settlement.kis.protocol.FileType;

/**
 * A request file KIS accepted and whose result has not been published yet. {@code fileType} is the request's
 * type (R1 or S1); {@code attempts} counts the polls that ended in an error (invalid result, KIS trouble);
 * {@code traceparent} is the W3C trace context it was recorded in (null: none), continued when it is polled.
 */
public record PendingReceipt(String receiptNo, String fileId, FileType fileType, LocalDate businessDate,
                             LocalDate fileDate, int fileSeq, int recordCount, int attempts, String traceparent) {

    /** Not yet recorded: the trace is the one current when it is. */
    public PendingReceipt(String receiptNo, String fileId, FileType fileType, LocalDate businessDate,
                          LocalDate fileDate, int fileSeq, int recordCount, int attempts) {
        this(receiptNo, fileId, fileType, businessDate, fileDate, fileSeq, recordCount, attempts, null);
    }

    /** R2 answers R1, S2 answers S1. */
    public FileType resultType() {
        return switch (fileType) {
            case R1 -> FileType.R2;
            case S1 -> FileType.S2;
            default -> throw new IllegalStateException("receipt " + receiptNo + " has request type " + fileType);
        };
    }

    @Override
    public String toString() {
        return "receipt " + receiptNo + " (file " + fileId + ", " + fileType + ", " + recordCount + " records)";
    }
}
