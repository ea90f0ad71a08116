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
    List<Cursor> boundaries(LocalDate before, int slices, int pageSize);

    /** @return the number of slices recorded for the run, 0 if none yet. */
    int count(String kickoffId);

    void create(String kickoffId, int sliceCount);

    boolean isDone(String kickoffId, int slice);

    /** Locks the run's job_run row until the transaction ends, so that one finisher at a time counts slices. */
    void lockRun(String kickoffId);

    void markDone(String kickoffId, int slice, JobCounts counts);

    /** @return the sum over the run's slices when every slice is DONE, else empty. */
    java.util.Optional<JobCounts> totalIfAllDone(String kickoffId);
}
