package kr.co.pg.settlement.kis.protocol;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The H record of every file. {@code receiptNo} is null (rendered as spaces) in R1/S1; in R2/S2 it is the
 * receipt of the request file answered. Times are KST wall-clock.
 */
public record FileHeader(FileType fileType, String pgCompanyCode, LocalDate fileDate, int fileSeq,
                         LocalDateTime createdAt, String receiptNo) {
}
