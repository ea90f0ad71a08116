package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.time.LocalDate;
import java.time.LocalDateTime;
import kr.co.pg.settlement.collector.application.JobCounts;
import kr.co.pg.settlement.events.status.JobRunStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** The job_run aggregate: one row per kick-off id. */
@Table("job_run")
record JobRunRow(@Id String kickoffId, String job, LocalDate businessDate, JobRunStatus status, int filesCreated,
                 int rowsCollected, int rowsRejected, int rowsNotEligible, LocalDateTime startedAt,
                 LocalDateTime finishedAt, String message) {

    JobRunRow done(JobCounts c, LocalDateTime at) {
        return new JobRunRow(kickoffId, job, businessDate, JobRunStatus.DONE, c.filesCreated(), c.rowsCollected(),
                c.rowsRejected(), c.rowsNotEligible(), startedAt, at, null);
    }

    JobRunRow failed(String why, LocalDateTime at) {
        return new JobRunRow(kickoffId, job, businessDate, JobRunStatus.FAILED, filesCreated, rowsCollected,
                rowsRejected, rowsNotEligible, startedAt, at, Times.cut(why, 1000));
    }
}
