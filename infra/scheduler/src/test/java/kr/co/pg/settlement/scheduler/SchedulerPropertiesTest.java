package kr.co.pg.settlement.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import kr.co.pg.settlement.events.Job;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** settlement.scheduler.*: domain.md's defaults, per-job cron/zone/switches, a bad cron names its job. */
class SchedulerPropertiesTest {

    @Test
    void defaultsAreDomainSchedulesInSeoulRequestJobsSkippingHolidays() {
        SchedulerProperties p = SchedulerProperties.defaults();

        assertThat(p.zone()).isEqualTo(ZoneId.of("Asia/Seoul"));
        assertThat(p.schedules()).containsOnlyKeys(Job.values());
        assertThat(p.registrationRequest()).isEqualTo(new SchedulerProperties.JobSchedule("0 15 6 * * MON-FRI",
                ZoneId.of("Asia/Seoul"), true, true));
        assertThat(p.registrationResult()).isEqualTo(new SchedulerProperties.JobSchedule("0 15 6 * * *",
                ZoneId.of("Asia/Seoul"), true, false));
        assertThat(p.settlementRequest().cron()).isEqualTo("0 15 7 * * MON-FRI");
        assertThat(p.settlementRequest().skipHolidays()).isTrue();
        assertThat(p.settlementResult().cron()).isEqualTo("0 15 7 * * *");
        assertThat(p.settlementResult().skipHolidays()).isFalse();
        assertThat(p.catchUpWindow()).isEqualTo(Duration.ofHours(6));
        assertThat(p.kafka().kickoffTopic()).isEqualTo("settlement.kickoff.v1");
        assertThat(p.kafka().leaderTopic()).isEqualTo("settlement.scheduler.leader.v1");
        assertThat(p.holidays().directoryPath()).isNull();
    }

    @Test
    void eachJobCanBeGivenItsOwnCronZoneAndSwitches() {
        SchedulerProperties p = bind(Map.of(
                "settlement.scheduler.settlement-request.cron", "0 30 8 * * MON-SAT",
                "settlement.scheduler.settlement-request.zone", "UTC",
                "settlement.scheduler.registration-result.enabled", "false",
                "settlement.scheduler.settlement-result.skip-holidays", "true",
                "settlement.scheduler.catch-up-window", "PT2H",
                "settlement.scheduler.holidays.directory", "/etc/settlement/holidays"));

        assertThat(p.settlementRequest()).isEqualTo(new SchedulerProperties.JobSchedule("0 30 8 * * MON-SAT",
                ZoneId.of("UTC"), true, true));
        assertThat(p.registrationResult().isEnabled()).isFalse();
        assertThat(p.settlementResult().skipHolidays()).isTrue();
        assertThat(p.registrationRequest().zone()).isEqualTo(ZoneId.of("Asia/Seoul"));
        assertThat(p.catchUpWindow()).isEqualTo(Duration.ofHours(2));
        assertThat(p.holidays().directoryPath()).hasToString("/etc/settlement/holidays");
    }

    @Test
    void anInvalidCronNamesTheJobAndTheValue() {
        assertThatThrownBy(() -> bind(Map.of("settlement.scheduler.settlement-request.cron", "15 7 * * 1-5")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("DIFF_SETTLEMENT_REQUEST").hasMessageContaining("'15 7 * * 1-5'");
    }

    private static SchedulerProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("settlement.scheduler", SchedulerProperties.class);
    }
}
