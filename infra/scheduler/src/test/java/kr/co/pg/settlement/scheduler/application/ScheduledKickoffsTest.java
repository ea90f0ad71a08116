package kr.co.pg.settlement.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import kr.co.pg.settlement.events.Job;
import org.junit.jupiter.api.Test;

class ScheduledKickoffsTest {

    /** 2026-11-23T15:30Z is already Tuesday 2026-11-24 00:30 in Seoul. */
    final Clock clock = Clock.fixed(Instant.parse("2026-11-23T15:30:00Z"), ZoneId.of("Asia/Seoul"));
    final List<String> sent = new ArrayList<>();
    final List<Duration> pauses = new ArrayList<>();

    @Test
    void usesTodaysSeoulDateAsBusinessDate() {
        ScheduledKickoffs kickoffs = new ScheduledKickoffs((id, job, date, by) -> sent.add(id + "|" + job + "|" + date
                + "|" + by), clock, 3, Duration.ofSeconds(30), pauses::add);

        String id = kickoffs.fire(Job.SUBMERCHANT_REGISTRATION_REQUEST);

        assertThat(sent).containsExactly(id + "|SUBMERCHANT_REGISTRATION_REQUEST|2026-11-24|scheduler");
    }

    @Test
    void retriesAnUnacknowledgedKickoffWithTheSameId() {
        List<String> ids = new ArrayList<>();
        ScheduledKickoffs kickoffs = new ScheduledKickoffs((id, job, date, by) -> {
            ids.add(id);
            if (ids.size() < 3) {
                throw new KickoffNotSentException("broker down", null);
            }
        }, clock, 5, Duration.ofSeconds(30), pauses::add);

        String id = kickoffs.fire(Job.DIFF_SETTLEMENT_REQUEST);

        assertThat(ids).hasSize(3).containsOnly(id);
        assertThat(pauses).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    void givesUpAfterTheConfiguredAttempts() {
        List<String> ids = new ArrayList<>();
        ScheduledKickoffs kickoffs = new ScheduledKickoffs((id, job, date, by) -> {
            ids.add(id);
            throw new KickoffNotSentException("broker down", null);
        }, clock, 2, Duration.ofSeconds(1), pauses::add);

        assertThatThrownBy(() -> kickoffs.fire(Job.DIFF_SETTLEMENT_RESULT))
                .isInstanceOf(KickoffNotSentException.class);
        assertThat(ids).hasSize(2);
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2026, 11, 24));
    }
}
