package kr.co.pg.settlement.collector.application;

import java.time.LocalDate;
import java.util.List;
import kr.co.pg.settlement.events.SettlementSliceRequested.Cursor;

/** Port: job_slice (the slices of one DIFF_SETTLEMENT_REQUEST run) and the candidates' slice boundaries. */
public interface CollectionSlices {

    /**
     * Boundaries that split the NONE transactions approved before {@code before} into at most {@code slices} about
     * equal parts of a whole number of pages ({@code pageSize} rows, so a slice never holds a sliver of a file):
     * cursors in ascending order, one fewer than the parts.
     */
    Split boundaries(LocalDate before, int slices, int pageSize);

    /**
     * {@code rows} candidates in slices of {@code rowsPerSlice} (a multiple of the page size; the last slice holds the
     * rest), separated by {@code cursors}.
     */
    record Split(long rows, long rowsPerSlice, List<Cursor> cursors) {
    }

    /** @return the number of slices recorded for the run, 0 if none yet. */
    int count(String kickoffId);

    /** One PENDING row per slice; {@code bounds.get(i)} is slice i + 1's range (see {@link #bounds}). */
    void create(String kickoffId, List<String> bounds);

    boolean isDone(String kickoffId, int slice);

    /** A slice's range as stored: the same text for the same cursors. */
    static String bounds(Cursor after, Cursor upTo) {
        return text(after) + "|" + text(upTo);
    }

    private static String text(Cursor c) {
        return c == null ? "-" : c.approvedAt() + "/" + c.transactionId();
    }

    /** Locks the run's job_run row until the transaction ends, so that one finisher at a time counts slices. */
    void lockRun(String kickoffId);

    /** @return false when the run's split has no such slice with these bounds (an earlier split's event) */
    boolean markDone(String kickoffId, int slice, String bounds, JobCounts counts);

    /** @return the sum over the run's slices when every slice is DONE, else empty. */
    java.util.Optional<JobCounts> totalIfAllDone(String kickoffId);
}
