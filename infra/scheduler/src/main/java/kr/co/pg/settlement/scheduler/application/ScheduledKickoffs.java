package kr.co.pg.settlement.scheduler.application;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import kr.co.pg.settlement.events.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a job's schedule fires: one kick-off for today's business date (Asia/Seoul clock). A failed
 * send is retried with the SAME kick-off id, so a retry after a lost acknowledgement cannot run the job twice.
 */
public class ScheduledKickoffs {

    public static final String REQUESTED_BY = "scheduler";
    private static final Logger log = LoggerFactory.getLogger(ScheduledKickoffs.class);

    /** Waiting between attempts; a parameter so tests need not wait. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final KickoffPort kickoffs;
    private final Clock clock;
    private final int attempts;
    private final Duration retryDelay;
    private final Pause pause;

    public ScheduledKickoffs(KickoffPort kickoffs, Clock clock, int attempts, Duration retryDelay, Pause pause) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        this.kickoffs = kickoffs;
        this.clock = clock;
        this.attempts = attempts;
        this.retryDelay = retryDelay;
        this.pause = pause;
    }

    /** Sends the kick-off of {@code job} for today; returns its kick-off id. */
    public String fire(Job job) {
        LocalDate businessDate = LocalDate.now(clock);
        String kickoffId = UUID.randomUUID().toString();
        for (int attempt = 1; ; attempt++) {
            try {
                kickoffs.send(kickoffId, job, businessDate, REQUESTED_BY);
                log.info("Kick-off {} sent: job {} for business date {}", kickoffId, job, businessDate);
                return kickoffId;
            } catch (KickoffNotSentException e) {
                if (attempt >= attempts) {
                    log.error("Kick-off {} (job {}, business date {}) was NOT sent after {} attempts: {}. "
                            + "Check Kafka, then send it by hand (same job and date; the job only does what is "
                            + "left).", kickoffId, job, businessDate, attempt, e.getMessage());
                    throw e;
                }
                log.warn("Kick-off {} (job {}, business date {}) not acknowledged (attempt {}/{}): {}; retrying "
                        + "in {}", kickoffId, job, businessDate, attempt, attempts, e.getMessage(), retryDelay);
                try {
                    pause.pause(retryDelay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
