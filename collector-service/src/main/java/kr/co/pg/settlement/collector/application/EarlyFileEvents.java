package kr.co.pg.settlement.collector.application;

import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Events about a file that can overtake the file itself: after a database restore the day's events are replayed
 * while the request run re-creates its files. Such an event waits (is retried, not recorded as processed) while a
 * request run of its business date is RUNNING; with no run left it is handled as it is.
 */
@Component
class EarlyFileEvents {

    private final KisFiles files;
    private final JobRuns jobRuns;

    EarlyFileEvents(KisFiles files, JobRuns jobRuns) {
        this.files = files;
        this.jobRuns = jobRuns;
    }

    /** @throws FileNotCreatedYetException when the file is unknown and a run of its date may still create it */
    void requireFileUnlessNoRun(String what, String fileId, LocalDate businessDate) {
        if (files.find(fileId).isEmpty() && jobRuns.anyRunning(businessDate)) {
            throw new FileNotCreatedYetException(what + " for file " + fileId + ", which a request run of "
                    + businessDate + " has not created yet: retried until it has");
        }
    }
}
