package kr.co.pg.settlement.poller.adapter.out.persistence;

import java.time.LocalDateTime;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * pending_receipt. Claims are one UPDATE ... ORDER BY ... LIMIT each (set-based, see JdbcPendingReceiptStore); every
 * change after a poll is guarded by the claim ({@link #OWNED}) and releases it ({@link #RELEASE}).
 */
interface PendingReceiptRepository extends Repository<PendingReceiptRow, String> {

    String CLAIMABLE = " status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < :now OR claimed_by = :owner)";
    String CLAIM = "UPDATE pending_receipt SET claimed_by = :owner, claimed_until = :until WHERE" + CLAIMABLE;
    String CLAIMED = "SELECT * FROM pending_receipt WHERE claimed_by = :owner AND claimed_until = :until"
            + " AND status = 'PENDING' ORDER BY ";
    String OWNED = " WHERE receipt_no = :receiptNo AND status = 'PENDING' AND claimed_by = :owner";
    String RELEASE = ", claimed_by = NULL, claimed_until = NULL";

    @Modifying
    @Query(CLAIM + " AND next_poll_at <= :now ORDER BY next_poll_at, receipt_no LIMIT :limit")
    int claimDue(@Param("owner") String owner, @Param("until") LocalDateTime until, @Param("now") LocalDateTime now,
                 @Param("limit") int limit);

    @Query(CLAIMED + "next_poll_at, receipt_no")
    List<PendingReceiptRow> claimedDue(@Param("owner") String owner, @Param("until") LocalDateTime until);

    @Modifying
    @Query(CLAIM + " AND file_type = :fileType ORDER BY submitted_at, receipt_no LIMIT :limit")
    int claimPending(@Param("owner") String owner, @Param("until") LocalDateTime until,
                     @Param("now") LocalDateTime now, @Param("fileType") String fileType, @Param("limit") int limit);

    @Query(CLAIMED + "submitted_at, receipt_no")
    List<PendingReceiptRow> claimedPending(@Param("owner") String owner, @Param("until") LocalDateTime until);

    @Modifying
    @Query("UPDATE pending_receipt SET last_polled_at = :polledAt, next_poll_at = :nextPollAt" + RELEASE + OWNED)
    void recordInProgress(@Param("receiptNo") String receiptNo, @Param("owner") String owner,
                          @Param("polledAt") LocalDateTime polledAt, @Param("nextPollAt") LocalDateTime nextPollAt);

    @Modifying
    @Query("UPDATE pending_receipt SET attempts = attempts + 1, last_error = :error, last_polled_at = :polledAt,"
            + " next_poll_at = :nextPollAt" + RELEASE + OWNED)
    void recordError(@Param("receiptNo") String receiptNo, @Param("owner") String owner, @Param("error") String error,
                     @Param("polledAt") LocalDateTime polledAt, @Param("nextPollAt") LocalDateTime nextPollAt);

    /** PUBLISHED or FAILED_PUBLISHED, with the error for a failure (null: none). */
    @Modifying
    @Query("UPDATE pending_receipt SET status = :status, completed_at = :completedAt, last_polled_at = :completedAt,"
            + " last_error = COALESCE(:error, last_error)" + RELEASE + OWNED)
    void complete(@Param("receiptNo") String receiptNo, @Param("owner") String owner, @Param("status") String status,
                  @Param("error") String error, @Param("completedAt") LocalDateTime completedAt);

    @Modifying
    @Query("UPDATE pending_receipt SET next_poll_at = :now WHERE status = 'PENDING' AND file_type = :fileType"
            + " AND next_poll_at > :now")
    int makeDue(@Param("fileType") String fileType, @Param("now") LocalDateTime now);
}
