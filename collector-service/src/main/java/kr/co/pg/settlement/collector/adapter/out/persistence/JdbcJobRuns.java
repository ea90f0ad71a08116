package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.time.LocalDate;
import java.util.Optional;
import kr.co.pg.settlement.collector.application.JobCounts;
import kr.co.pg.settlement.collector.application.JobRuns;
import kr.co.pg.settlement.events.status.JobRunStatus;
import org.springframework.stereotype.Component;

/** The job_run aggregate through Spring Data JDBC. */
@Component
record JdbcJobRuns(JobRunRepository runs, ClockedJdbc db) implements JobRuns {

    @Override
    public Optional<JobRunStatus> status(String kickoffId) {
        return runs.findById(kickoffId).map(JobRunRow::status);
    }

    @Override
    public void start(String kickoffId, String job, LocalDate businessDate) {
        runs.start(kickoffId, job, businessDate, db.now());
    }

    /** Called once per run, under the run's row lock when slices finish it (CollectionSlices.lockRun). */
    @Override
    public void finish(String kickoffId, JobCounts counts) {
        runs.findById(kickoffId).ifPresent(run -> runs.save(run.done(counts, db.now())));
    }

    @Override
    public boolean anyRunning(LocalDate businessDate) {
        return runs.existsByBusinessDateAndStatus(businessDate, JobRunStatus.RUNNING);
    }

    @Override
    public void fail(String kickoffId, String message) {
        runs.findById(kickoffId).ifPresent(run -> runs.save(run.failed(message, db.now())));
    }
}
