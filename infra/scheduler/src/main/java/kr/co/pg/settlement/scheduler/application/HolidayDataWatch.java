package kr.co.pg.settlement.scheduler.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says loudly, once a day, that holiday data is missing for this year or for the year that starts within
 * {@link #WARNING_DAYS} days, so the file is added before a request job has to be skipped for lack of it.
 */
public final class HolidayDataWatch {

    static final int WARNING_DAYS = 90;
    private static final Logger log = LoggerFactory.getLogger(HolidayDataWatch.class);

    private final HolidayCalendar calendar;
    private final Clock clock;
    private LocalDate lastWarned;

    public HolidayDataWatch(HolidayCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The years that lack data and are needed now or soon (empty when all is well). */
    public List<Integer> missingYears() {
        LocalDate today = LocalDate.now(clock.withZone(Slot.BUSINESS_ZONE));
        TreeSet<Integer> needed = new TreeSet<>(List.of(today.getYear(), today.plusDays(WARNING_DAYS).getYear()));
        return needed.stream().filter(year -> !calendar.covers(year)).toList();
    }

    /** Logs an ERROR at most once per day while data is missing; returns the missing years. */
    public synchronized List<Integer> check() {
        List<Integer> missing = missingYears();
        LocalDate today = LocalDate.now(clock.withZone(Slot.BUSINESS_ZONE));
        if (!missing.isEmpty() && !today.equals(lastWarned)) {
            lastWarned = today;
            log.error("No public holiday data for {} (have {}): request jobs on dates of {} will NOT be sent. Add {} "
                    + "('yyyy-MM-dd name' lines) to {} and restart the scheduler.", missing, calendar.years(),
                    missing, missing.stream().map(y -> y + ".txt").toList(), calendar.whereToAddAYear());
        }
        return missing;
    }
}
