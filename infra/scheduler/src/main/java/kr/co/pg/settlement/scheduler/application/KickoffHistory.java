package kr.co.pg.settlement.scheduler.application;

import java.time.Duration;
import java.util.Set;

/** The kick-offs already delivered, read back from where they were sent. */
public interface KickoffHistory {

    /**
     * The kick-off ids delivered during (at least) the last {@code lookback}, by broker time.
     *
     * @throws RuntimeException when they cannot be read now (the caller retries later)
     */
    Set<String> sentKickoffIds(Duration lookback);
}
