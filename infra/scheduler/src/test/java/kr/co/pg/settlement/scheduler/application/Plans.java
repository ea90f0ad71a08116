package kr.co.pg.settlement.scheduler.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.scheduler.SchedulerProperties;
import kr.co.pg.settlement.scheduler.adapter.in.scheduling.CronTimetable;
import kr.co.pg.settlement.scheduler.adapter.out.holidays.HolidayFiles;

/** The default schedules with the shipped holiday files, or with a given calendar. */
final class Plans {

    static SlotPlanner defaults() {
        return defaults(HolidayFiles.load(null));
    }

    static SlotPlanner defaults(HolidayCalendar holidays) {
        SchedulerProperties p = SchedulerProperties.defaults();
        List<JobPlan> plans = p.schedules().entrySet().stream()
                .map(e -> new JobPlan(e.getKey(), new CronTimetable(e.getValue().cron(), e.getValue().zone()),
                        e.getValue().skipHolidays()))
                .toList();
        return new SlotPlanner(plans, holidays);
    }

    /** A calendar holding only 2026 (one holiday). */
    static HolidayCalendar only2026() {
        return new HolidayCalendar(Map.of(2026, Map.of(LocalDate.of(2026, 12, 25), "기독탄신일")),
                Map.of(2026, "test"), "/etc/settlement/holidays");
    }

    static Job[] requestJobs() {
        return new Job[] {Job.SUBMERCHANT_REGISTRATION_REQUEST, Job.DIFF_SETTLEMENT_REQUEST};
    }

    private Plans() {
    }
}
