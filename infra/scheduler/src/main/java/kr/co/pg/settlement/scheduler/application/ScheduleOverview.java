package kr.co.pg.settlement.scheduler.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;

/** Read-only view of the schedule for operators: next runs per job, the year's holidays, missing holiday data. */
public final class ScheduleOverview {

    public record PlannedRun(Slot slot, Verdict verdict) {
    }

    public record JobRuns(JobPlan plan, List<PlannedRun> runs) {
    }

    /**
     * @param holidays holidays of {@code year}, null when that year has no data
     */
    public record Overview(Instant now, boolean leader, Duration catchUpWindow, List<JobRuns> jobs, int year,
                           SortedMap<LocalDate, String> holidays, String holidaySource, List<Integer> yearsWithData,
                           List<Integer> missingYears, List<Slot> missedSlots) {
    }

    private final SlotPlanner planner;
    private final KickoffScheduler scheduler;
    private final HolidayDataWatch watch;
    private final Clock clock;

    public ScheduleOverview(SlotPlanner planner, KickoffScheduler scheduler, HolidayDataWatch watch, Clock clock) {
        this.planner = planner;
        this.scheduler = scheduler;
        this.watch = watch;
        this.clock = clock;
    }

    public Overview overview(int runsPerJob) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Slot.BUSINESS_ZONE);
        TreeSet<Integer> neededYears = new TreeSet<>(watch.missingYears());
        List<JobRuns> jobs = new ArrayList<>();
        for (JobPlan plan : planner.plans()) {
            List<PlannedRun> runs = new ArrayList<>();
            for (Slot slot : planner.next(plan, now, runsPerJob)) {
                runs.add(new PlannedRun(slot, planner.verdict(slot)));
                if (plan.skipsHolidays()) {
                    neededYears.add(slot.businessDate().getYear());
                }
            }
            jobs.add(new JobRuns(plan, runs));
        }
        HolidayCalendar calendar = planner.holidays();
        int year = today.getYear();
        List<Integer> missing = neededYears.stream().filter(y -> !calendar.covers(y)).toList();
        return new Overview(now, scheduler.isLeader(), scheduler.catchUpWindow(), jobs, year,
                calendar.covers(year) ? calendar.year(year) : null, calendar.sourceOf(year),
                List.copyOf(calendar.years()), missing, scheduler.missedSlots());
    }
}
