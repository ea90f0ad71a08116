package kr.co.pg.settlement.collector.application;

import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Events about a file that can overtake the file itself: after a database restore the day's events are replayed
 * while the request run re-creates its files. Such an event waits (is retried, not recorded as processed) while a
 * request run of its business date is RUNNING, or while the file ledger is still re-creating files; with neither it is
 * handled as it is.
 */
@Component
record EarlyFileEvents(KisFiles files, JobRuns jobRuns, DecisionBarrier barrier) {

    /** @throws FileNotCreatedYetException when the file is unknown and a run of its date may still create it */
    void requireFileUnlessNoRun(String what, String fileId, LocalDate businessDate) {
        if (files.find(fileId).isEmpty()) {
            if (jobRuns.anyRunning(businessDate)) {
                throw new FileNotCreatedYetException(what + " for file " + fileId + ", which a request run of "
                        + businessDate + " has not created yet: retried until it has");
            }
            if (barrier.filesBehind()) {
                throw new FileNotCreatedYetException(what + " for file " + fileId + ", while files decided earlier"
                        + " are still being re-created (a replay after a restore): retried until they are");
            }
        }
    }
}
