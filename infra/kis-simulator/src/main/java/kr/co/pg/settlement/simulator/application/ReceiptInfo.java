package kr.co.pg.settlement.simulator.application;

import java.time.LocalDate;
import kr.co.pg.settlement.kis.protocol.FileType;

/** What KIS fixed when it accepted a request file. */
public record ReceiptInfo(String receiptNo, String idempotencyKey, String contentSha256, FileType fileType,
                          LocalDate fileDate, int fileSeq, int recordCount, String pgCompanyCode,
                          long acceptedAtMillis) {

    public FileType resultFileType() {
        return fileType == FileType.R1 ? FileType.R2 : FileType.S2;
    }
}
