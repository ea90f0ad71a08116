package kr.co.pg.settlement.scheduler.adapter.in.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.scheduler.application.ScheduleOverview;
import kr.co.pg.settlement.scheduler.application.Slot;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/schedule?runs=N}: the next runs of every enabled job and this year's public holidays. */
@RestController
class ScheduleController {

    static final int MAX_RUNS = 100;

    private final ScheduleOverview overview;

    ScheduleController(ScheduleOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/api/schedule")
    public ScheduleResponse schedule(@RequestParam(name = "runs", defaultValue = "5") int runs) {
        return ScheduleResponse.of(overview.overview(Math.max(1, Math.min(runs, MAX_RUNS))));
    }

    /** The JSON body; every date and time is ISO-8601 in Asia/Seoul. */
    public record ScheduleResponse(String now, String zone, boolean leader, String catchUpWindow,
                                   List<JobView> jobs, HolidaysView holidays, List<Integer> holidayYears,
                                   List<Integer> missingHolidayYears, List<MissedView> missed) {

        static ScheduleResponse of(ScheduleOverview.Overview o) {
            List<JobView> jobs = o.jobs().stream().map(JobView::of).toList();
            HolidaysView holidays = new HolidaysView(o.year(), o.holidays() == null ? null : o.holidaySource(),
                    o.holidays() == null ? null : o.holidays().entrySet().stream().map(DayView::of).toList());
            return new ScheduleResponse(OffsetDateTime.ofInstant(o.now(), Slot.BUSINESS_ZONE).toString(),
                    Slot.BUSINESS_ZONE.getId(), o.leader(), o.catchUpWindow().toString(), jobs, holidays,
                    o.yearsWithData(), o.missingYears(), o.missedSlots().stream().map(MissedView::of).toList());
        }
    }

    public record JobView(String job, String schedule, boolean skipsHolidays, List<RunView> nextRuns) {

        static JobView of(ScheduleOverview.JobRuns runs) {
            return new JobView(runs.plan().job().name(), runs.plan().timetable().describe(),
                    runs.plan().skipsHolidays(), runs.runs().stream().map(RunView::of).toList());
        }
    }

    /** {@code status}: RUN, SKIPPED_HOLIDAY or SKIPPED_NO_HOLIDAY_DATA; {@code reason}: the holiday or the fault. */
    public record RunView(String at, String businessDate, String kickoffId, String status, String reason) {

        static RunView of(ScheduleOverview.PlannedRun run) {
            return new RunView(run.slot().at().toOffsetDateTime().toString(), run.slot().businessDate().toString(),
                    run.slot().kickoffId(), run.verdict().kind().name(), run.verdict().reason());
        }
    }

    /** A due slot never sent and too old to be caught up: kick off {@code job} for {@code businessDate} by hand. */
    public record MissedView(String at, String businessDate, String job, String kickoffId) {

        static MissedView of(Slot slot) {
            return new MissedView(slot.at().toOffsetDateTime().toString(), slot.businessDate().toString(),
                    slot.job().name(), slot.kickoffId());
        }
    }

    /** {@code days} is null when the year has no holiday data (request jobs of that year are not sent). */
    public record HolidaysView(int year, String source, List<DayView> days) {
    }

    public record DayView(String date, String name) {

        static DayView of(Map.Entry<LocalDate, String> day) {
            return new DayView(day.getKey().toString(), day.getValue());
        }
    }
}
