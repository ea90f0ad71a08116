package kr.co.pg.settlement.poller.application;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param interval        time between polls of a receipt KIS is still processing (and the base of the backoff)
 * @param maxBackoff      longest wait before a receipt whose poll failed is looked at again
 * @param recordsPerEvent at most this many result records per published event
 * @param parallelism     receipts polled at the same time
 * @param workDir         where result files are downloaded (deleted after use)
 * @param batchLimit      receipts taken per poll round
 * @param claimLease      how long a claimed receipt is this instance's alone; longer than polling one receipt takes
 *                        (download, validation, publication), since after it another instance may take it over
 */
public record PollerSettings(Duration interval, Duration maxBackoff, int recordsPerEvent, int parallelism,
                             Path workDir, int batchLimit, Duration claimLease) {

    public PollerSettings(Duration interval, Duration maxBackoff, int recordsPerEvent, int parallelism, Path workDir,
                          int batchLimit) {
        this(interval, maxBackoff, recordsPerEvent, parallelism, workDir, batchLimit, Duration.ofMinutes(10));
    }

    public PollerSettings {
        if (claimLease == null || claimLease.isNegative() || claimLease.isZero()) {
            throw new IllegalArgumentException("settlement.poller.claim-lease must be positive: " + claimLease);
        }
        if (recordsPerEvent < 1 || parallelism < 1 || batchLimit < 1) {
            throw new IllegalArgumentException("settlement.poller: records-per-event, parallelism and batch-limit must"
                    + " be positive: " + recordsPerEvent + ", " + parallelism + ", " + batchLimit);
        }
    }
}
