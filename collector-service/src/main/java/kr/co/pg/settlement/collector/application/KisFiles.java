package kr.co.pg.settlement.collector.application;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/** Port: kis_file, the log of request files. */
public interface KisFiles {

    record KisFile(String fileId, String fileType, LocalDate fileDate, int fileSeq, LocalDate businessDate,
                   String kickoffId, int recordCount, LocalDateTime createdAt, String status, String receiptNo) {
    }

    /** Creates a file with the next sequence for (type, business date); status CREATED. */
    KisFile create(String fileType, LocalDate businessDate, String kickoffId, int recordCount);

    /** The same with a given creation time (see {@link #createWithSeq(String, LocalDate, String, int, int, LocalDateTime)}). */
    KisFile create(String fileType, LocalDate businessDate, String kickoffId, int recordCount, LocalDateTime createdAt);

    /** The highest sequence used for (type, file date), 0 if none (no lock). */
    int lastSeq(String fileType, LocalDate fileDate);

    /**
     * Creates a file with a sequence the caller reserved; @throws FileSeqTakenException when another transaction
     * took that sequence (pick a new one and redo the chunk).
     */
    KisFile createWithSeq(String fileType, LocalDate businessDate, String kickoffId, int recordCount, int seq);

    /**
     * The same with a given creation time (whole seconds, the file header's "created at"): a file re-created from the
     * same kick-off (a replay after a database restore) gets identical bytes, so KIS answers with its first receipt.
     */
    KisFile createWithSeq(String fileType, LocalDate businessDate, String kickoffId, int recordCount, int seq,
                          LocalDateTime createdAt);

    Optional<KisFile> find(String fileId);

    /** CREATED → SUBMITTED with the receipt; @return false when the file was not in CREATED. */
    boolean markSubmitted(String fileId, String receiptNo);

    /**
     * SUBMITTED → RESULT_RECEIVED; also from CREATED with the results' receipt (a replay can bring a file's results
     * before its FileSubmitted). No change from any other status.
     */
    void markResultReceived(String fileId, String receiptNo);

    /** @return false when the file was already FAILED or REFUSED. */
    boolean markFailed(String fileId, String status, String code, String message, Integer line, String replacedBy);
}
