package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * kis_file rows one at a time (a handful of files a day). The status changes are guarded by the statuses they may
 * start from, in the one UPDATE, so a replayed or late event changes nothing.
 */
interface KisFileRepository extends Repository<KisFileRow, String> {

    Optional<KisFileRow> findById(String fileId);

    /** Locks the (type, date) range: concurrent creators take sequences one after the other. */
    @Query("SELECT COALESCE(MAX(file_seq), 0) + 1 FROM kis_file WHERE file_type = :fileType AND file_date = :fileDate"
            + " FOR UPDATE")
    int nextSeqLocked(@Param("fileType") String fileType, @Param("fileDate") LocalDate fileDate);

    @Modifying
    @Query("UPDATE kis_file SET status = 'SUBMITTED', receipt_no = :receiptNo, updated_at = :now"
            + " WHERE file_id = :fileId AND status = 'CREATED'")
    boolean markSubmitted(@Param("fileId") String fileId, @Param("receiptNo") String receiptNo,
                          @Param("now") LocalDateTime now);

    @Modifying
    @Query("UPDATE kis_file SET status = 'RESULT_RECEIVED', receipt_no = COALESCE(receipt_no, :receiptNo),"
            + " updated_at = :now WHERE file_id = :fileId AND status IN ('CREATED', 'SUBMITTED')")
    void markResultReceived(@Param("fileId") String fileId, @Param("receiptNo") String receiptNo,
                            @Param("now") LocalDateTime now);

    @Modifying
    @Query("UPDATE kis_file SET status = 'REFUSED', failure_code = :code, failure_message = :message,"
            + " failure_line = :line, updated_at = :now WHERE file_id = :fileId AND status = 'CREATED'")
    boolean markRefused(@Param("fileId") String fileId, @Param("code") String code, @Param("message") String message,
                        @Param("line") Integer line, @Param("now") LocalDateTime now);

    @Modifying
    @Query("UPDATE kis_file SET status = 'FAILED', failure_code = :code, failure_message = :message,"
            + " failure_line = :line, replaced_by_file_id = :replacedBy, updated_at = :now"
            + " WHERE file_id = :fileId AND status NOT IN ('FAILED', 'REFUSED')")
    boolean markFailed(@Param("fileId") String fileId, @Param("code") String code, @Param("message") String message,
                       @Param("line") Integer line, @Param("replacedBy") String replacedBy,
                       @Param("now") LocalDateTime now);
}
