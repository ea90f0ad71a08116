package kr.co.pg.settlement.gateway.domain;

import java.time.LocalDate;
import java.util.Objects;
import kr.co.pg.settlement.kis.protocol.FileType;

/**
 * One rendered request file (R1 or S1), ready for upload. {@code content} is byte-identical for every
 * delivery of the same event, so {@code fileId} can serve as KIS's Idempotency-Key.
 */
public record FileToSubmit(String eventId, String fileId, FileType fileType, LocalDate businessDate,
                           LocalDate fileDate, int fileSeq, int recordCount, byte[] content) {

    public FileToSubmit {
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(fileType, "fileType");
        Objects.requireNonNull(content, "content");
    }

    @Override
    public String toString() {
        return "file " + fileId + " (" + fileType + ", date " + fileDate + ", seq " + fileSeq + ", " + recordCount
                + " records, " + content.length + " bytes)";
    }
}
