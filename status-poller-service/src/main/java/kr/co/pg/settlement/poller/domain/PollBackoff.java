package kr.co.pg.settlement.poller.domain;

import java.time.Duration;

/** When to look at a receipt again after {@code attempts} failed polls: interval x 2^attempts, capped. */
public record PollBackoff(Duration interval, Duration max) {

    public Duration after(int attempts) {
        int shift = Math.max(0, Math.min(attempts, 20));
        Duration wait = interval.multipliedBy(1L << shift);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
