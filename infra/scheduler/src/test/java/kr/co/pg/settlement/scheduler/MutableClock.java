package kr.co.pg.settlement.scheduler;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock tests move by hand; shared by every scheduler instance of a test. */
public final class MutableClock extends Clock {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private volatile Instant instant;

    public MutableClock(String seoulDateTime) {
        set(seoulDateTime);
    }

    /** e.g. {@code 2026-11-24T07:15}: wall-clock time in Seoul. */
    public void set(String seoulDateTime) {
        instant = LocalDateTime.parse(seoulDateTime).atZone(SEOUL).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return SEOUL;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant, zone);
    }

    @Override
    public Instant instant() {
        return instant;
    }
}
