package kr.co.pg.settlement.scheduler.application;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import kr.co.pg.settlement.events.Job;

/** The kick-offs already delivered, read back from where they were sent. */
public interface KickoffHistory {

    /** One kick-off found: the scheduler's own (id {@code sched:...}) or anybody else's. */
    record SentKickoff(String kickoffId, Job job, LocalDate businessDate) {
    }

    /**
     * The kick-offs delivered during (at least) the last {@code lookback}, by broker time.
     *
     * @throws RuntimeException when they cannot be read now (the caller retries later)
     */
    List<SentKickoff> sentKickoffs(Duration lookback);
}
