package kr.co.pg.settlement.collector.application;

import java.time.Clock;
import java.util.Optional;
import kr.co.pg.settlement.events.KickoffParser;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.events.status.JobRunStatus;
import kr.co.pg.settlement.events.KickoffRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Runs the collector's two request jobs once per kick-off id (job_run). A DONE id is ignored; a RUNNING or FAILED one
 * (crash or error mid-run) runs again and finds only what is left, since every chunk is its own transaction.
 */
@Service
public record KickoffHandler(JobRuns jobRuns, RegistrationCollector registration, SettlementSlicing settlement,
                             DecisionBarrier barrier, Clock clock,
                             @Value("${settlement.kickoff.max-days-ahead:" + KickoffParser.DEFAULT_MAX_DAYS_AHEAD + "}")
                             int maxDaysAhead) {

    private static final Logger log = LoggerFactory.getLogger(KickoffHandler.class);

    /**
     * @throws kr.co.pg.settlement.events.InvalidFieldException for a business date more than
     *                                                          settlement.kickoff.max-days-ahead days after today
     *                                                          (dead-lettered, never run)
     */
    public void handle(KickoffRequested kickoff) {
        KickoffParser.requireBusinessDateWithin(kickoff, clock, maxDaysAhead);
        switch (kickoff.job()) {
            case SUBMERCHANT_REGISTRATION_RESULT, DIFF_SETTLEMENT_RESULT -> {
                log.debug("kick-off {} {}: a result job, handled by the status poller", kickoff.kickoffId(), kickoff.job());
                return;
            }
            default -> { }
        }
        Optional<JobRunStatus> status = jobRuns.status(kickoff.kickoffId());
        if (status.filter(JobRunStatus.DONE::equals).isPresent()) {
            log.info("kick-off {} ({} {}) already done: ignored", kickoff.kickoffId(), kickoff.job(), kickoff.businessDate());
            return;
        }
        // decides only once the files already decided and the results published before it are applied (a replay)
        barrier.requireCaughtUp(kickoff.kickoffId(), FileEvents.filesCreatedAt(kickoff, clock));
        status.ifPresent(s -> log.warn("kick-off {} ({} {}) was left {}: running it again for what is left",
                kickoff.kickoffId(), kickoff.job(), kickoff.businessDate(), s));
        jobRuns.start(kickoff.kickoffId(), kickoff.job().name(), kickoff.businessDate());
        try {
            if (kickoff.job() == Job.DIFF_SETTLEMENT_REQUEST) {
                // collected in slices by any instance; the slice that completes last finishes the run (SliceCollection)
                settlement.split(kickoff);
                return;
            }
            JobCounts counts = switch (kickoff.job()) {
                case SUBMERCHANT_REGISTRATION_REQUEST -> registration.run(kickoff.kickoffId(), kickoff.businessDate(),
                        FileEvents.filesCreatedAt(kickoff, clock));
                default -> throw new IllegalStateException("unexpected job " + kickoff.job());
            };
            jobRuns.finish(kickoff.kickoffId(), counts);
            log.info("kick-off {} {} {} done: {}", kickoff.kickoffId(), kickoff.job(), kickoff.businessDate(), counts);
        } catch (RuntimeException e) {
            try {
                jobRuns.fail(kickoff.kickoffId(), e.toString());
            } catch (RuntimeException recordFailure) {
                e.addSuppressed(recordFailure);
            }
            throw e;
        }
    }
}
