package kr.co.pg.settlement.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * KIS finally refused a file, or could not process an accepted one. {@code resendable} is true when the
 * records must be sent again in a new file (receipt FAILED); false when resending the same content would be
 * refused again (409 conflict, 422 layout, 413 too large) and an operator must look: the rows stay visible
 * as failed in the day report. {@code line} is KIS's file line at fault, when KIS named one.
 */
public record FileFailed(String eventId, LocalDate businessDate, String fileId, String fileType, String receiptNo,
                         String kisCode, String message, Integer line, boolean resendable, Instant failedAt)
        implements FileEvent {

    public static String eventIdFor(String fileId, String receiptNo) {
        return "failed:" + fileId + ":" + (receiptNo == null ? "-" : receiptNo);
    }
}
