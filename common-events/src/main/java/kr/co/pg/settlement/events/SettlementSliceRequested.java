package kr.co.pg.settlement.events;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A DIFF_SETTLEMENT_REQUEST kick-off was split into {@code sliceCount} slices of its candidates; this is one of
 * them, for any collector instance of the group to take. The slice holds the NONE transactions approved before
 * the business date whose (approved_at, transaction_id) lies after {@code after} and up to and including
 * {@code upTo}; the first slice starts at the beginning, the last ends at the business date (cursors null).
 * Key: {@code kickoffId:slice[:salt]}, chosen so that the slices of one kick-off land on different partitions.
 * <p>
 * The slice's n-th page (0-based) becomes file sequence {@code firstFileSeq + n} while {@code n < pages}, and its
 * files are created at {@code filesCreatedAt}: a slice collected again from the same data (a replay after a
 * database restore) re-creates the same files with identical bytes. {@code firstFileSeq} 0: sequences on demand.
 */
public record SettlementSliceRequested(String eventId, LocalDate businessDate, String kickoffId, int slice,
                                       int sliceCount, Cursor after, Cursor upTo, String partitionKey,
                                       int firstFileSeq, int pages, LocalDateTime filesCreatedAt)
        implements SettlementEvent {

    /** A position in (approved_at, transaction_id) order. */
    public record Cursor(LocalDateTime approvedAt, String transactionId) {
    }

    @Override
    public String key() {
        return partitionKey;
    }

    public static String eventIdFor(String kickoffId, int slice) {
        return "slice:" + kickoffId + ":" + slice;
    }
}
