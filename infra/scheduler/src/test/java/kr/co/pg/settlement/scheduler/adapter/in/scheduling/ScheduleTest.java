package kr.co.pg.settlement.scheduler.adapter.in.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Collectors;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.scheduler.application.ScheduledKickoffs;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronExpression;

/** The default schedules of domain.md, evaluated in Asia/Seoul. */
class ScheduleTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    final SchedulerProperties defaults = SchedulerProperties.defaults();

    @Test
    void mondayMorningFiresEveryJobThatDay() {
        ZonedDateTime mondayMidnight = ZonedDateTime.of(2026, 11, 23, 0, 0, 0, 0, SEOUL);

        assertThat(next(Job.SUBMERCHANT_REGISTRATION_REQUEST, mondayMidnight)).isEqualTo(at(23, 6, 15));
        assertThat(next(Job.SUBMERCHANT_REGISTRATION_RESULT, mondayMidnight)).isEqualTo(at(23, 6, 15));
        assertThat(next(Job.DIFF_SETTLEMENT_REQUEST, mondayMidnight)).isEqualTo(at(23, 7, 15));
        assertThat(next(Job.DIFF_SETTLEMENT_RESULT, mondayMidnight)).isEqualTo(at(23, 7, 15));
    }

    @Test
    void saturdayFiresOnlyTheResultJobs() {
        ZonedDateTime saturdayMidnight = ZonedDateTime.of(2026, 11, 28, 0, 0, 0, 0, SEOUL);

        assertThat(next(Job.SUBMERCHANT_REGISTRATION_RESULT, saturdayMidnight)).isEqualTo(at(28, 6, 15));
        assertThat(next(Job.DIFF_SETTLEMENT_RESULT, saturdayMidnight)).isEqualTo(at(28, 7, 15));
        // request jobs skip the weekend: next Monday 2026-11-30
        assertThat(next(Job.SUBMERCHANT_REGISTRATION_REQUEST, saturdayMidnight)).isEqualTo(at(30, 6, 15));
        assertThat(next(Job.DIFF_SETTLEMENT_REQUEST, saturdayMidnight)).isEqualTo(at(30, 7, 15));
    }

    @Test
    void fridayAfterTheRunNextRequestIsMonday() {
        ZonedDateTime fridayAfterRun = ZonedDateTime.of(2026, 11, 27, 7, 15, 0, 0, SEOUL);

        assertThat(next(Job.DIFF_SETTLEMENT_REQUEST, fridayAfterRun)).isEqualTo(at(30, 7, 15));
        assertThat(next(Job.DIFF_SETTLEMENT_RESULT, fridayAfterRun)).isEqualTo(at(28, 7, 15));
    }

    @Test
    void scheduleIsSeoulTimeWhateverTheMachineZone() {
        // 2026-11-22T21:00Z is Monday 06:00 in Seoul but still Sunday in UTC
        ZonedDateTime sundayUtc = ZonedDateTime.of(2026, 11, 22, 21, 0, 0, 0, ZoneId.of("UTC"));
        ZonedDateTime next = next(Job.SUBMERCHANT_REGISTRATION_REQUEST, sundayUtc.withZoneSameInstant(SEOUL));
        assertThat(next.toInstant()).isEqualTo(at(23, 6, 15).toInstant());
        assertThat(next.toInstant().toString()).isEqualTo("2026-11-22T21:15:00Z");
    }

    @Test
    void registersOnlyEnabledJobsWithTheirCronInSeoul() {
        SchedulerProperties properties = new SchedulerProperties(SEOUL,
                new SchedulerProperties.JobSchedule(null, false),
                null,
                new SchedulerProperties.JobSchedule("0 30 8 * * MON-FRI", true),
                null, 1, Duration.ZERO);
        ScheduledKickoffs kickoffs = new ScheduledKickoffs((id, job, date, by) -> { }, Clock.system(SEOUL), 1,
                Duration.ZERO, d -> { });
        ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();

        new KickoffTriggers(properties, kickoffs).configureTasks(registrar);

        List<String> expressions = registrar.getCronTaskList().stream().map(CronTask::getExpression)
                .collect(Collectors.toList());
        assertThat(expressions).containsExactly("0 15 6 * * *", "0 30 8 * * MON-FRI", "0 15 7 * * *");
    }

    @Test
    void refusesAnInvalidCronNamingTheJob() {
        assertThatThrownBy(() -> new SchedulerProperties(SEOUL, null, null,
                new SchedulerProperties.JobSchedule("15 7 * * 1-5", true), null, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DIFF_SETTLEMENT_REQUEST")
                .hasMessageContaining("15 7 * * 1-5");
    }

    private ZonedDateTime next(Job job, ZonedDateTime after) {
        return CronExpression.parse(defaults.schedules().get(job).cron()).next(after);
    }

    private static ZonedDateTime at(int dayOfNovember, int hour, int minute) {
        return ZonedDateTime.of(2026, 11, dayOfNovember, hour, minute, 0, 0, SEOUL);
    }
}
