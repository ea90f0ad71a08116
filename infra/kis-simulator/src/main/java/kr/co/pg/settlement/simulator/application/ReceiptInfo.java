package kr.co.pg.settlement.simulator.application;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.co.pg.settlement.kis.protocol.FileType;

/** What KIS fixed when it accepted a request file. */
public record ReceiptInfo(String receiptNo, String idempotencyKey, String contentSha256, FileType fileType,
                          LocalDate fileDate, int fileSeq, int recordCount, String pgCompanyCode,
                          long acceptedAtMillis) {

    /** receiptNo, fileType, fileDate (yyyyMMdd), fileSeq, recordCount: a receipt as KIS's answers describe it. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("receiptNo", receiptNo);
        m.put("fileType", fileType.name());
        m.put("fileDate", fileDate.format(DateTimeFormatter.BASIC_ISO_DATE));
        m.put("fileSeq", fileSeq);
        m.put("recordCount", recordCount);
        return m;
    }

    public FileType resultFileType() {
        return fileType == FileType.R1 ? FileType.R2 : FileType.S2;
    }
}
