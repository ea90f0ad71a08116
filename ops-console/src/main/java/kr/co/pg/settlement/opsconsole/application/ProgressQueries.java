package kr.co.pg.settlement.opsconsole.application;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.events.Job;

/** Reads of the settlement (collector) database: runs, files, rows by state, rejections, breaks, stuck rows. */
public interface ProgressQueries {

    record JobRun(String kickoffId, String job, LocalDate businessDate, String status, int filesCreated,
                  int rowsCollected, int rowsRejected, int rowsNotEligible, LocalDateTime startedAt,
                  LocalDateTime finishedAt, String message, int slicesDone, int slicesTotal) {
    }

    record KisFile(String fileId, String fileType, LocalDate businessDate, int fileSeq, int recordCount, String status,
                   String receiptNo, String failureCode, String failureMessage, Integer failureLine,
                   String replacedByFileId, LocalDateTime createdAt, LocalDateTime updatedAt) {
    }

    record RequestRows(String fileType, Map<String, Long> byStatus, long open) {
        public long total() {
            return byStatus.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    record Break(String transactionId, String fileId, long expected, long settled, LocalDateTime recordedAt) {
    }

    record StuckRow(String kind, String id, String status, LocalDateTime since) {
    }

    record Stuck(String olderThan, long subMerchants, long transactions, List<StuckRow> examples) {
    }

    /** Runs (job_run) of a job for a business date, oldest first, with their slices' progress. */
    List<JobRun> runs(Job job, LocalDate businessDate);

    /**
     * The rows of the date's files of the job's kind (registration_request rows of R1 files, settlement_request rows
     * of S1 files) by status, and how many of them still wait for KIS.
     */
    RequestRows requestsOfDate(Job job, LocalDate businessDate);

    Map<String, Long> subMerchantsByStatus();

    Map<String, Long> transactionsByStatus();

    List<KisFile> files(LocalDate businessDate);

    /** kind (registration, settlement) -> result code -> rows REJECTED in the date's files. */
    Map<String, Map<String, Long>> rejectionsByCode(LocalDate businessDate);

    List<Break> breaks(LocalDate businessDate);

    Stuck stuck(Duration olderThan, int examples);
}
