package kr.co.pg.settlement.scheduler.application;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.co.pg.settlement.events.Job;

/** The slots of the enabled jobs and what to do with each: run, or skip because of a public holiday. */
public final class SlotPlanner {

    /** Guards against a cron that fires every second over a long window. */
    static final int MAX_SLOTS_PER_JOB = 1000;

    private final List<JobPlan> plans;
    private final Map<Job, JobPlan> byJob;
    private final HolidayCalendar holidays;

    public SlotPlanner(List<JobPlan> plans, HolidayCalendar holidays) {
        this.plans = List.copyOf(plans);
        this.byJob = plans.stream().collect(Collectors.toMap(JobPlan::job, Function.identity()));
        this.holidays = holidays;
    }

    /** Every slot of every enabled job with {@code from <= at <= to}, oldest first. */
    public List<Slot> between(Instant from, Instant to) {
        List<Slot> slots = new ArrayList<>();
        for (JobPlan plan : plans) {
            ZonedDateTime cursor = from.minusNanos(1).atZone(Slot.BUSINESS_ZONE);
            for (int i = 0; i < MAX_SLOTS_PER_JOB; i++) {
                ZonedDateTime next = plan.timetable().next(cursor);
                if (next == null || next.toInstant().isAfter(to)) {
                    break;
                }
                slots.add(new Slot(plan.job(), next));
                cursor = next;
            }
        }
        slots.sort(Comparator.comparing(Slot::at).thenComparing(Slot::job));
        return slots;
    }

    /** The next {@code count} slots of {@code plan} strictly after {@code after}. */
    public List<Slot> next(JobPlan plan, Instant after, int count) {
        List<Slot> slots = new ArrayList<>();
        ZonedDateTime cursor = after.atZone(Slot.BUSINESS_ZONE);
        while (slots.size() < count) {
            ZonedDateTime next = plan.timetable().next(cursor);
            if (next == null) {
                break;
            }
            slots.add(new Slot(plan.job(), next));
            cursor = next;
        }
        return slots;
    }

    /** Result jobs always run (results may arrive any day); request jobs skip public holidays. */
    public Verdict verdict(Slot slot) {
        JobPlan plan = byJob.get(slot.job());
        if (plan == null || !plan.skipsHolidays()) {
            return Verdict.run();
        }
        try {
            Optional<String> holiday = holidays.holidayOn(slot.businessDate());
            return holiday.map(name -> new Verdict(Verdict.Kind.SKIPPED_HOLIDAY, name)).orElseGet(Verdict::run);
        } catch (HolidayYearMissingException e) {
            return new Verdict(Verdict.Kind.SKIPPED_NO_HOLIDAY_DATA, e.getMessage());
        }
    }

    public List<JobPlan> plans() {
        return plans;
    }

    public HolidayCalendar holidays() {
        return holidays;
    }
}
