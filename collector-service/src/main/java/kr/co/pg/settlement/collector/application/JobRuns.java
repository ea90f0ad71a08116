package kr.co.pg.settlement.collector.application;

import java.time.LocalDate;
import java.util.Optional;
import kr.co.pg.settlement.events.status.JobRunStatus;

/** Port: job_run, one row per kick-off id. */
public interface JobRuns {

    Optional<JobRunStatus> status(String kickoffId);

    /** Inserts a RUNNING row, or sets an existing (unfinished) one back to RUNNING. */
    void start(String kickoffId, String job, LocalDate businessDate);

    void finish(String kickoffId, JobCounts counts);

    void fail(String kickoffId, String message);

    /** Whether a request run of that business date is RUNNING (its files may still be created). */
    boolean anyRunning(LocalDate businessDate);
}
