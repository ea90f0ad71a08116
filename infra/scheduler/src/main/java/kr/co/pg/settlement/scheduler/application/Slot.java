package kr.co.pg.settlement.scheduler.application;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import kr.co.pg.settlement.events.Job;

/**
 * One firing of one job's schedule. Its business date is the slot's date in Asia/Seoul, whatever zone the cron
 * is evaluated in. Its kick-off id is derived from job, business date and Seoul time of day only, so every
 * instance, restart or replay of the scheduler names the same slot with the same id.
 */
public record Slot(Job job, ZonedDateTime at) {

    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Seoul");
    static final String ID_PREFIX = "sched:";
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HHmm");
    private static final DateTimeFormatter TIME_OF_DAY_WITH_SECONDS = DateTimeFormatter.ofPattern("HHmmss");

    public Slot {
        at = at.withZoneSameInstant(BUSINESS_ZONE);
    }

    public LocalDate businessDate() {
        return at.toLocalDate();
    }

    /**
     * e.g. {@code sched:DIFF_SETTLEMENT_REQUEST:2026-11-24:0715} (at most 56 characters); the seconds are added only
     * for a cron that fires at a second other than 0 ({@code ...:071530}).
     */
    public String kickoffId() {
        DateTimeFormatter time = at.getSecond() == 0 ? TIME_OF_DAY : TIME_OF_DAY_WITH_SECONDS;
        return ID_PREFIX + job.name() + ":" + businessDate() + ":" + time.format(at);
    }

    public static boolean isScheduledKickoffId(String kickoffId) {
        return kickoffId != null && kickoffId.startsWith(ID_PREFIX);
    }
}
