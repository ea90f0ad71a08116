package kr.co.pg.settlement.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.scheduler.adapter.in.scheduling.CronTimetable;
import org.junit.jupiter.api.Test;

/** Default schedules of domain.md (Asia/Seoul), holiday skipping with the shipped data, kick-off ids. */
class SlotPlannerTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    final SlotPlanner planner = Plans.defaults();

    @Test
    void aMondayFiresEveryJobAtItsTime() {
        assertThat(describe(between("2026-11-23T00:00", "2026-11-23T23:59"))).containsExactly(
                "sched:SUBMERCHANT_REGISTRATION_REQUEST:2026-11-23:0615 RUN",
                "sched:SUBMERCHANT_REGISTRATION_RESULT:2026-11-23:0615 RUN",
                "sched:DIFF_SETTLEMENT_REQUEST:2026-11-23:0715 RUN",
                "sched:DIFF_SETTLEMENT_RESULT:2026-11-23:0715 RUN");
    }

    @Test
    void aSaturdayFiresOnlyTheResultJobs() {
        assertThat(describe(between("2026-11-28T00:00", "2026-11-28T23:59"))).containsExactly(
                "sched:SUBMERCHANT_REGISTRATION_RESULT:2026-11-28:0615 RUN",
                "sched:DIFF_SETTLEMENT_RESULT:2026-11-28:0715 RUN");
    }

    @Test
    void chuseok2026SkipsTheRequestJobsButNotTheResultJobs() {
        // 2026-09-24 (Thu) .. 09-26 (Sat) Chuseok; 09-28 (Mon) an ordinary business day
        Map<String, String> verdicts = between("2026-09-24T00:00", "2026-09-28T23:59").stream()
                .collect(Collectors.toMap(Slot::kickoffId, s -> planner.verdict(s).kind() + " "
                        + (planner.verdict(s).reason() == null ? "" : planner.verdict(s).reason())));

        assertThat(verdicts)
                .containsEntry("sched:DIFF_SETTLEMENT_REQUEST:2026-09-24:0715", "SKIPPED_HOLIDAY 추석 연휴")
                .containsEntry("sched:DIFF_SETTLEMENT_REQUEST:2026-09-25:0715", "SKIPPED_HOLIDAY 추석")
                .containsEntry("sched:SUBMERCHANT_REGISTRATION_REQUEST:2026-09-25:0615", "SKIPPED_HOLIDAY 추석")
                .containsEntry("sched:DIFF_SETTLEMENT_REQUEST:2026-09-28:0715", "RUN ")
                .containsEntry("sched:DIFF_SETTLEMENT_RESULT:2026-09-24:0715", "RUN ")
                .containsEntry("sched:DIFF_SETTLEMENT_RESULT:2026-09-25:0715", "RUN ")
                .containsEntry("sched:DIFF_SETTLEMENT_RESULT:2026-09-26:0715", "RUN ")
                .containsEntry("sched:SUBMERCHANT_REGISTRATION_RESULT:2026-09-26:0615", "RUN ")
                .doesNotContainKey("sched:DIFF_SETTLEMENT_REQUEST:2026-09-26:0715") // Saturday: not in the cron
                .hasSize(3 * 2 + 5 * 2); // requests Thu, Fri, Mon; results every day
    }

    @Test
    void substituteHolidayForIndependenceMovementDaySkipsRequests() {
        // 2026-03-01 is a Sunday: Monday 03-02 is the substitute holiday
        List<Slot> monday = between("2026-03-02T00:00", "2026-03-02T23:59");
        assertThat(monday).extracting(s -> s.job() + " " + planner.verdict(s).kind()).containsExactly(
                "SUBMERCHANT_REGISTRATION_REQUEST SKIPPED_HOLIDAY", "SUBMERCHANT_REGISTRATION_RESULT RUN",
                "DIFF_SETTLEMENT_REQUEST SKIPPED_HOLIDAY", "DIFF_SETTLEMENT_RESULT RUN");
        assertThat(planner.verdict(monday.get(0)).reason()).isEqualTo("대체공휴일(삼일절)");
        assertThat(between("2026-03-03T00:00", "2026-03-03T23:59")).allMatch(s -> planner.verdict(s).runs());
    }

    @Test
    void aYearWithoutHolidayDataSkipsRequestJobsAndSaysWhatToDo() {
        SlotPlanner only2026 = Plans.defaults(Plans.only2026());
        List<Slot> slots = only2026.between(at("2027-01-04T00:00"), at("2027-01-04T23:59"));

        assertThat(slots).extracting(s -> s.job() + " " + only2026.verdict(s).kind()).containsExactly(
                "SUBMERCHANT_REGISTRATION_REQUEST SKIPPED_NO_HOLIDAY_DATA", "SUBMERCHANT_REGISTRATION_RESULT RUN",
                "DIFF_SETTLEMENT_REQUEST SKIPPED_NO_HOLIDAY_DATA", "DIFF_SETTLEMENT_RESULT RUN");
        assertThat(only2026.verdict(slots.get(0)).reason()).contains("2027", "2027.txt", "/etc/settlement/holidays");
    }

    @Test
    void kickoffIdsAreDeterministicReadableAndShort() {
        Slot slot = new Slot(Job.DIFF_SETTLEMENT_REQUEST, ZonedDateTime.of(2026, 11, 24, 7, 15, 0, 0, SEOUL));
        Slot sameInstantInUtc = new Slot(Job.DIFF_SETTLEMENT_REQUEST,
                ZonedDateTime.parse("2026-11-23T22:15:00Z[UTC]"));

        assertThat(slot.kickoffId()).isEqualTo("sched:DIFF_SETTLEMENT_REQUEST:2026-11-24:0715")
                .isEqualTo(sameInstantInUtc.kickoffId())
                .isEqualTo(Plans.defaults().between(at("2026-11-24T07:15"), at("2026-11-24T07:15")).stream()
                        .filter(s -> s.job() == Job.DIFF_SETTLEMENT_REQUEST).findFirst().orElseThrow().kickoffId());
        for (Job job : Job.values()) {
            assertThat(new Slot(job, slot.at().plusSeconds(59)).kickoffId()).hasSizeLessThan(64);
        }
        assertThat(new Slot(Job.DIFF_SETTLEMENT_REQUEST, slot.at().plusSeconds(30)).kickoffId())
                .isEqualTo("sched:DIFF_SETTLEMENT_REQUEST:2026-11-24:071530");
    }

    @Test
    void businessDateIsTheSeoulDateWhateverTheCronZone() {
        // 22:00 UTC every day = 07:00 the next day in Seoul
        SlotPlanner utc = new SlotPlanner(List.of(new JobPlan(Job.DIFF_SETTLEMENT_RESULT,
                new CronTimetable("0 0 22 * * *", ZoneId.of("UTC")), false)), Plans.only2026());

        Slot slot = utc.between(at("2026-11-24T00:00"), at("2026-11-24T23:59")).get(0);

        assertThat(slot.at().toInstant()).isEqualTo(Instant.parse("2026-11-23T22:00:00Z"));
        assertThat(slot.businessDate()).hasToString("2026-11-24");
        assertThat(slot.kickoffId()).isEqualTo("sched:DIFF_SETTLEMENT_RESULT:2026-11-24:0700");
    }

    @Test
    void nextRunsFollowTheCalendar() {
        JobPlan request = planner.plans().get(2);
        // Friday after the run: next is Monday
        assertThat(planner.next(request, at("2026-11-27T07:15"), 2)).extracting(Slot::kickoffId).containsExactly(
                "sched:DIFF_SETTLEMENT_REQUEST:2026-11-30:0715", "sched:DIFF_SETTLEMENT_REQUEST:2026-12-01:0715");
    }

    private List<Slot> between(String from, String to) {
        return planner.between(at(from), at(to));
    }

    private List<String> describe(List<Slot> slots) {
        return slots.stream().map(s -> s.kickoffId() + " " + planner.verdict(s).kind()).toList();
    }

    static Instant at(String seoulDateTime) {
        return LocalDateTime.parse(seoulDateTime).atZone(SEOUL).toInstant();
    }
}
