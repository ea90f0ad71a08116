package kr.co.pg.settlement.collector.application;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import kr.co.pg.settlement.events.status.KisFileStatus;
import kr.co.pg.settlement.kis.protocol.FileType;

/** Port: kis_file, the log of request files. */
public interface KisFiles {

    record KisFile(String fileId, FileType fileType, LocalDate fileDate, int fileSeq, LocalDate businessDate,
                   String kickoffId, int recordCount, LocalDateTime createdAt, KisFileStatus status, String receiptNo) {
    }

    /** Creates a file with the next sequence for (type, business date), created now; status CREATED. */
    KisFile create(FileType fileType, LocalDate businessDate, String kickoffId, int recordCount);

    /** The same with a given creation time (see {@link #createWithSeq}). */
    KisFile create(FileType fileType, LocalDate businessDate, String kickoffId, int recordCount, LocalDateTime createdAt);

    /**
     * Creates a file with a sequence the caller reserved and a given creation time (whole seconds, the file header's
     * "created at"): a file re-created from the same kick-off (a replay after a database restore) gets identical bytes,
     * so KIS answers with its first receipt. @throws FileSeqTakenException when another transaction took that
     * sequence (pick a new one and redo the chunk).
     */
    KisFile createWithSeq(FileType fileType, LocalDate businessDate, String kickoffId, int recordCount, int seq,
                          LocalDateTime createdAt);

    Optional<KisFile> find(String fileId);

    /** CREATED → SUBMITTED with the receipt; @return false when the file was not in CREATED. */
    boolean markSubmitted(String fileId, String receiptNo);

    /**
     * SUBMITTED → RESULT_RECEIVED; also from CREATED with the results' receipt (a replay can bring a file's results
     * before its FileSubmitted). No change from any other status.
     */
    void markResultReceived(String fileId, String receiptNo);

    /**
     * KIS refused the upload (409/422/413): REFUSED, only from CREATED (a file KIS accepted was not refused, whatever
     * a late or replayed FileFailed says); @return false when nothing changed.
     */
    boolean markRefused(String fileId, String code, String message, Integer line);

    /**
     * KIS could not process an accepted file: FAILED from any status but FAILED/REFUSED, pointing at the file its
     * open rows went into ({@code replacedBy}, null when none were left); @return false when nothing changed.
     */
    boolean markFailed(String fileId, String code, String message, Integer line, String replacedBy);
}
