package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.time.LocalDate;
import java.time.LocalDateTime;
import kr.co.pg.settlement.events.status.JobRunStatus;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;
import org.springframework.data.repository.query.Param;

interface JobRunRepository extends CrudRepository<JobRunRow, String> {

    /** ix_job_run_date (business_date, job) narrows it to the date's few runs. */
    boolean existsByBusinessDateAndStatus(LocalDate businessDate, JobRunStatus status);

    /** A new RUNNING row, or an existing (unfinished) one back to RUNNING, in one statement. */
    @Modifying
    @Query("INSERT INTO job_run (kickoff_id, job, business_date, status, started_at)"
            + " VALUES (:kickoffId, :job, :businessDate, 'RUNNING', :now)"
            + " ON DUPLICATE KEY UPDATE status = 'RUNNING', started_at = VALUES(started_at), finished_at = NULL")
    void start(@Param("kickoffId") String kickoffId, @Param("job") String job,
               @Param("businessDate") LocalDate businessDate, @Param("now") LocalDateTime now);
}
