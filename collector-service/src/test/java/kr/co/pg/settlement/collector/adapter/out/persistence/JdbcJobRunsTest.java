package kr.co.pg.settlement.collector.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import kr.co.pg.settlement.collector.application.JobCounts;
import kr.co.pg.settlement.events.status.JobRunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** job_run through Spring Data JDBC: a run's life RUNNING → FAILED → RUNNING again → DONE with its counts. */
class JdbcJobRunsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    @RegisterExtension
    static final PersistenceContext adapters = new PersistenceContext("job_runs_it");

    @Test
    void aRunFailsRunsAgainAndFinishesWithItsCounts() {
        JdbcJobRuns runs = adapters.bean(JdbcJobRuns.class);
        assertThat(runs.status("k-run-1")).isEmpty();
        runs.start("k-run-1", "DIFF_SETTLEMENT_REQUEST", DAY);
        assertThat(runs.status("k-run-1")).contains(JobRunStatus.RUNNING);
        assertThat(runs.anyRunning(DAY)).isTrue();
        assertThat(runs.anyRunning(DAY.plusDays(1))).isFalse();

        runs.fail("k-run-1", "x".repeat(1200));
        assertThat(runs.status("k-run-1")).contains(JobRunStatus.FAILED);
        assertThat(runs.anyRunning(DAY)).isFalse();
        assertThat(adapters.jdbc().queryForObject("SELECT CHAR_LENGTH(message) FROM job_run WHERE kickoff_id = 'k-run-1'",
                Integer.class)).isEqualTo(1000);

        runs.start("k-run-1", "DIFF_SETTLEMENT_REQUEST", DAY);
        assertThat(runs.status("k-run-1")).contains(JobRunStatus.RUNNING);
        runs.finish("k-run-1", new JobCounts(2, 15, 1, 3));
        assertThat(runs.status("k-run-1")).contains(JobRunStatus.DONE);
        Map<String, Object> row = adapters.jdbc().queryForMap("SELECT job, business_date, files_created, rows_collected,"
                + " rows_rejected, rows_not_eligible, finished_at IS NOT NULL finished, message FROM job_run"
                + " WHERE kickoff_id = 'k-run-1'");
        assertThat(row).containsEntry("job", "DIFF_SETTLEMENT_REQUEST").containsEntry("files_created", 2)
                .containsEntry("rows_collected", 15).containsEntry("rows_rejected", 1)
                .containsEntry("rows_not_eligible", 3).containsEntry("message", null);
        assertThat(row.get("finished")).isIn(1, 1L, true);
        assertThat(row.get("business_date").toString()).isEqualTo("2026-11-24");
    }
}
