package kr.co.pg.settlement.collector.application;

import java.util.Optional;
import kr.co.pg.settlement.events.KickoffRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs the collector's two request jobs once per kick-off id (job_run). A DONE id is ignored; a RUNNING or FAILED one
 * (crash or error mid-run) runs again and finds only what is left, since every chunk is its own transaction.
 */
@Service
public class KickoffHandler {

    private static final Logger log = LoggerFactory.getLogger(KickoffHandler.class);

    private final JobRuns jobRuns;
    private final RegistrationCollector registration;
    private final SettlementCollector settlement;

    KickoffHandler(JobRuns jobRuns, RegistrationCollector registration, SettlementCollector settlement) {
        this.jobRuns = jobRuns;
        this.registration = registration;
        this.settlement = settlement;
    }

    public void handle(KickoffRequested kickoff) {
        switch (kickoff.job()) {
            case SUBMERCHANT_REGISTRATION_RESULT, DIFF_SETTLEMENT_RESULT -> {
                log.debug("kick-off {} {}: a result job, handled by the status poller", kickoff.kickoffId(), kickoff.job());
                return;
            }
            default -> { }
        }
        Optional<String> status = jobRuns.status(kickoff.kickoffId());
        if (status.filter("DONE"::equals).isPresent()) {
            log.info("kick-off {} ({} {}) already done: ignored", kickoff.kickoffId(), kickoff.job(), kickoff.businessDate());
            return;
        }
        status.ifPresent(s -> log.warn("kick-off {} ({} {}) was left {}: running it again for what is left",
                kickoff.kickoffId(), kickoff.job(), kickoff.businessDate(), s));
        jobRuns.start(kickoff.kickoffId(), kickoff.job().name(), kickoff.businessDate());
        try {
            JobCounts counts = switch (kickoff.job()) {
                case SUBMERCHANT_REGISTRATION_REQUEST -> registration.run(kickoff.kickoffId(), kickoff.businessDate());
                case DIFF_SETTLEMENT_REQUEST -> settlement.run(kickoff.kickoffId(), kickoff.businessDate());
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
