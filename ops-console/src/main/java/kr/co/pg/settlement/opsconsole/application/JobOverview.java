package kr.co.pg.settlement.opsconsole.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.events.status.JobRunStatus;
import org.springframework.stereotype.Service;

/**
 * The four jobs of a business date with their progress. REQUEST jobs are the collector's runs (job_run, slices);
 * RESULT jobs have no run row (the poller runs them): their progress is how many of the date's request rows KIS has
 * answered, and the date's receipts still pending at the poller.
 */
@Service
public class JobOverview {

    public enum State { NOT_STARTED, RUNNING, DONE, FAILED, WAITING_FOR_KIS }

    public record JobStatus(Job job, State state, int progressPercent, List<ProgressQueries.JobRun> runs,
                            Map<String, Long> requestsByStatus, long openRows, long totalRows,
                            Map<String, Long> receiptsByStatus) {
    }

    private final ProgressQueries progress;
    private final ReceiptQueries receipts;

    JobOverview(ProgressQueries progress, ReceiptQueries receipts) {
        this.progress = progress;
        this.receipts = receipts;
    }

    public List<JobStatus> day(LocalDate date) {
        List<ReceiptQueries.Receipt> ofDate = receipts.configured() ? receipts.ofDate(date) : List.of();
        List<JobStatus> result = new ArrayList<>();
        for (Job job : Job.values()) {
            ProgressQueries.RequestRows rows = progress.requestsOfDate(job, date);
            Map<String, Long> requests = rows.byStatus();
            long total = rows.total();
            long open = rows.open();
            Map<String, Long> receiptStates = new java.util.TreeMap<>();
            ofDate.stream().filter(r -> rows.fileType().equals(r.fileType()))
                    .forEach(r -> receiptStates.merge(r.status(), 1L, Long::sum));
            if (job.isRequestJob()) {
                List<ProgressQueries.JobRun> runs = progress.runs(job, date);
                result.add(new JobStatus(job, requestState(runs), requestPercent(runs), runs, requests, open, total,
                        receiptStates));
            } else {
                State state = total == 0 ? State.NOT_STARTED : open > 0 ? State.WAITING_FOR_KIS : State.DONE;
                int percent = total == 0 ? 0 : (int) ((total - open) * 100 / total);
                result.add(new JobStatus(job, state, percent, List.of(), requests, open, total, receiptStates));
            }
        }
        return result;
    }

    private static State requestState(List<ProgressQueries.JobRun> runs) {
        if (runs.isEmpty()) {
            return State.NOT_STARTED;
        }
        return switch (JobRunStatus.valueOf(runs.get(runs.size() - 1).status())) {
            case DONE -> State.DONE;
            case FAILED -> State.FAILED;
            case RUNNING -> State.RUNNING;
        };
    }

    private static int requestPercent(List<ProgressQueries.JobRun> runs) {
        if (runs.isEmpty()) {
            return 0;
        }
        ProgressQueries.JobRun last = runs.get(runs.size() - 1);
        if (JobRunStatus.DONE.name().equals(last.status())) {
            return 100;
        }
        return last.slicesTotal() == 0 ? 0 : last.slicesDone() * 100 / last.slicesTotal();
    }
}
