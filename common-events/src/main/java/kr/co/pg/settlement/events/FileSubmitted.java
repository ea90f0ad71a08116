package kr.co.pg.settlement.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * KIS accepted the file (202, or 200 for a repeated upload): its records are now SENT and KIS's receipt is
 * {@code receiptNo}. {@code fileType}: R1 or S1. The event id is derived from the file id, so publishing it
 * again after a crash is deduplicated by consumers.
 */
public record FileSubmitted(String eventId, LocalDate businessDate, String fileId, String fileType, LocalDate fileDate,
                            int fileSeq, String receiptNo, int recordCount, Instant submittedAt)
        implements FileEvent {

    public static String eventIdFor(String fileId) {
        return "submitted:" + fileId;
    }
}
