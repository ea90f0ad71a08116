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
 */
public record PollerSettings(Duration interval, Duration maxBackoff, int recordsPerEvent, int parallelism,
                             Path workDir, int batchLimit) {

    public PollerSettings {
        if (recordsPerEvent < 1 || parallelism < 1 || batchLimit < 1) {
            throw new IllegalArgumentException("settlement.poller: records-per-event, parallelism and batch-limit must"
                    + " be positive: " + recordsPerEvent + ", " + parallelism + ", " + batchLimit);
        }
    }
}
