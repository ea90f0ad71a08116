package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.time.LocalDate;
import java.time.LocalDateTime;
import kr.co.pg.settlement.collector.application.KisFiles.KisFile;
import kr.co.pg.settlement.events.status.KisFileStatus;
import kr.co.pg.settlement.kis.protocol.FileType;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** The kis_file aggregate (Spring Data JDBC maps the columns by name; enums are stored by name). */
@Table("kis_file")
record KisFileRow(@Id String fileId, FileType fileType, LocalDate fileDate, int fileSeq, LocalDate businessDate,
                  String kickoffId, int recordCount, LocalDateTime createdAt, KisFileStatus status, String receiptNo,
                  String failureCode, String failureMessage, Integer failureLine, String replacedByFileId,
                  LocalDateTime updatedAt) {

    /** A new file: CREATED, its sequence in its id. */
    static KisFileRow created(FileType fileType, LocalDate businessDate, int seq, String kickoffId, int recordCount,
                              LocalDateTime createdAt) {
        String fileId = fileType + "-" + businessDate.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "-"
                + String.format("%06d", seq);
        return new KisFileRow(fileId, fileType, businessDate, seq, businessDate, kickoffId, recordCount, createdAt,
                KisFileStatus.CREATED, null, null, null, null, null, createdAt);
    }

    KisFile toFile() {
        return new KisFile(fileId, fileType, fileDate, fileSeq, businessDate, kickoffId, recordCount, createdAt, status,
                receiptNo);
    }
}
