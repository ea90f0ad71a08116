package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

final class Times {

    /** KST wall clock (the Clock is in Asia/Seoul), at the DATETIME(3) precision of the tables. */
    static LocalDateTime now(Clock clock) {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private Times() {
    }
}
