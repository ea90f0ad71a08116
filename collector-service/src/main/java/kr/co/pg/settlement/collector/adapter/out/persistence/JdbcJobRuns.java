package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kr.co.pg.settlement.collector.application.JobCounts;
import kr.co.pg.settlement.collector.application.JobRuns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcJobRuns implements JobRuns {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcJobRuns(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<String> status(String kickoffId) {
        List<String> s = jdbc.queryForList("SELECT status FROM job_run WHERE kickoff_id = ?", String.class, kickoffId);
        return s.stream().findFirst();
    }

    @Override
    public void start(String kickoffId, String job, LocalDate businessDate) {
        jdbc.update("INSERT INTO job_run (kickoff_id, job, business_date, status, started_at) VALUES (?, ?, ?, 'RUNNING', ?)"
                        + " ON DUPLICATE KEY UPDATE status = 'RUNNING', started_at = VALUES(started_at), finished_at = NULL",
                kickoffId, job, businessDate, Times.now(clock));
    }

    @Override
    public void finish(String kickoffId, JobCounts c) {
        jdbc.update("UPDATE job_run SET status = 'DONE', files_created = ?, rows_collected = ?, rows_rejected = ?,"
                        + " rows_not_eligible = ?, finished_at = ?, message = NULL WHERE kickoff_id = ?",
                c.filesCreated(), c.rowsCollected(), c.rowsRejected(), c.rowsNotEligible(), Times.now(clock), kickoffId);
    }

    @Override
    public boolean anyRunning(LocalDate businessDate) {
        return !jdbc.queryForList("SELECT 1 FROM job_run WHERE business_date = ? AND status = 'RUNNING' LIMIT 1",
                businessDate).isEmpty();
    }

    @Override
    public void fail(String kickoffId, String message) {
        jdbc.update("UPDATE job_run SET status = 'FAILED', finished_at = ?, message = ? WHERE kickoff_id = ?",
                Times.now(clock), Times.cut(message, 1000), kickoffId);
    }
}
