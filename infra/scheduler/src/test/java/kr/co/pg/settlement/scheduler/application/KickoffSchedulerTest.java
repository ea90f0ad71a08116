package kr.co.pg.settlement.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.scheduler.MutableClock;
import org.junit.jupiter.api.Test;

/** The tick logic without Kafka: only the leader sends, each slot once, within the catch-up window. */
class KickoffSchedulerTest {

    final MutableClock clock = new MutableClock("2026-11-24T07:15");
    final List<String> sent = new ArrayList<>();
    final List<KickoffHistory.SentKickoff> history = new ArrayList<>();
    final List<Duration> lookbacks = new ArrayList<>();
    int failuresToCome;

    final KickoffPort port = (id, job, date, by) -> {
        if (failuresToCome > 0) {
            failuresToCome--;
            throw new KickoffNotSentException("broker down", null);
        }
        assertThat(by).isEqualTo("scheduler");
        assertThat(id).isEqualTo("sched:" + job + ":" + date + id.substring(id.length() - 5));
        sent.add(id);
    };

    final KickoffHistory readBack = lookback -> {
        lookbacks.add(lookback);
        return List.copyOf(history);
    };

    KickoffScheduler scheduler(SlotPlanner planner) {
        return new KickoffScheduler(planner, port, readBack, clock, Duration.ofHours(6));
    }

    @Test
    void aStandbySendsNothing() {
        KickoffScheduler scheduler = scheduler(Plans.defaults());
        scheduler.tick();
        assertThat(sent).isEmpty();
        assertThat(scheduler.leaderTicks()).isZero();
    }

    @Test
    void aLeaderWhoseLeaseLapsedSendsNothingUntilItIsCurrentAgain() {
        boolean[] current = {false};
        KickoffScheduler scheduler = scheduler(Plans.defaults());
        scheduler.leadershipGranted(() -> current[0]);

        scheduler.tick();
        assertThat(sent).isEmpty();
        current[0] = true;
        scheduler.tick();
        assertThat(sent).hasSize(4);
    }

    @Test
    void theLeaderSendsEachDueSlotOnce() {
        KickoffScheduler scheduler = scheduler(Plans.defaults());
        scheduler.leadershipGranted(() -> true);

        scheduler.tick();
        scheduler.tick();
        clock.set("2026-11-24T08:00");
        scheduler.tick();

        assertThat(sent).containsExactly("sched:SUBMERCHANT_REGISTRATION_REQUEST:2026-11-24:0615",
                "sched:SUBMERCHANT_REGISTRATION_RESULT:2026-11-24:0615",
                "sched:DIFF_SETTLEMENT_REQUEST:2026-11-24:0715", "sched:DIFF_SETTLEMENT_RESULT:2026-11-24:0715");
        assertThat(lookbacks).containsExactly(Duration.ofHours(6).plusDays(1));
    }

    @Test
    void catchesUpWithinTheWindowOnlyAndSkipsWhatWasAlreadySent() {
        history.add(new KickoffHistory.SentKickoff("sched:DIFF_SETTLEMENT_RESULT:2026-11-24:0715",
                Job.DIFF_SETTLEMENT_RESULT, LocalDate.of(2026, 11, 24)));
        clock.set("2026-11-24T13:00"); // window from 07:00: the 06:15 slots are beyond it
        KickoffScheduler scheduler = scheduler(Plans.defaults());
        scheduler.leadershipGranted(() -> true);

        scheduler.tick();

        assertThat(sent).containsExactly("sched:DIFF_SETTLEMENT_REQUEST:2026-11-24:0715");
        assertThat(scheduler.missedSlots()).extracting(Slot::kickoffId).containsExactly(
                "sched:DIFF_SETTLEMENT_REQUEST:2026-11-23:0715", "sched:DIFF_SETTLEMENT_RESULT:2026-11-23:0715",
                "sched:SUBMERCHANT_REGISTRATION_REQUEST:2026-11-24:0615",
                "sched:SUBMERCHANT_REGISTRATION_RESULT:2026-11-24:0615");
    }

    @Test
    void aSlotKickedOffByHandForItsJobAndDateIsNotReportedMissed() {
        history.add(new KickoffHistory.SentKickoff("0b6f3c1e-5d7a-4b0e-9a51-2f3c8e9d1a77",
                Job.SUBMERCHANT_REGISTRATION_REQUEST, LocalDate.of(2026, 11, 24)));
        clock.set("2026-11-24T13:00");
        KickoffScheduler scheduler = scheduler(Plans.defaults());
        scheduler.leadershipGranted(() -> true);

        scheduler.tick();

        assertThat(scheduler.missedSlots()).extracting(Slot::kickoffId)
                .doesNotContain("sched:SUBMERCHANT_REGISTRATION_REQUEST:2026-11-24:0615")
                .contains("sched:SUBMERCHANT_REGISTRATION_RESULT:2026-11-24:0615");
    }

    @Test
    void aSlotWhoseSendsFailUntilItLeavesTheWindowIsReportedMissed() {
        KickoffScheduler scheduler = new KickoffScheduler(Plans.defaults(), port, readBack, clock,
                Duration.ofMinutes(30));
        scheduler.leadershipGranted(() -> true);
        failuresToCome = 1;
        clock.set("2026-11-24T06:15");
        scheduler.tick();
        assertThat(sent).isEmpty();

        clock.set("2026-11-24T06:46");
        scheduler.tick();

        assertThat(sent).isEmpty();
        assertThat(scheduler.missedSlots()).extracting(Slot::kickoffId)
                .contains("sched:SUBMERCHANT_REGISTRATION_REQUEST:2026-11-24:0615");
    }

    @Test
    void aNewLeadershipReadsTheHistoryAgain() {
        KickoffScheduler scheduler = scheduler(Plans.defaults());
        scheduler.leadershipGranted(() -> true);
        scheduler.tick();
        scheduler.leadershipRevoked();
        scheduler.leadershipGranted(() -> true);
        scheduler.tick();

        assertThat(lookbacks).hasSize(2);
        // the history of this fake does not hold what was sent: a new leadership believes the topic, not itself
        assertThat(sent).hasSize(8);
    }

    @Test
    void anUnacknowledgedKickoffIsRetriedWithTheSameIdOnTheNextTick() {
        KickoffScheduler scheduler = scheduler(Plans.defaults());
        scheduler.leadershipGranted(() -> true);
        failuresToCome = 1;

        scheduler.tick();
        assertThat(sent).isEmpty();
        scheduler.tick();

        assertThat(sent).hasSize(4).startsWith("sched:SUBMERCHANT_REGISTRATION_REQUEST:2026-11-24:0615");
    }

    @Test
    void holidaysAndYearsWithoutDataAreNotSentButResultsAre() {
        clock.set("2027-01-04T07:15"); // a Monday of a year the calendar lacks
        KickoffScheduler scheduler = scheduler(Plans.defaults(Plans.only2026()));
        scheduler.leadershipGranted(() -> true);
        scheduler.tick();
        assertThat(sent).containsExactly("sched:SUBMERCHANT_REGISTRATION_RESULT:2027-01-04:0615",
                "sched:DIFF_SETTLEMENT_RESULT:2027-01-04:0715");

        sent.clear();
        clock.set("2026-09-25T07:15"); // Chuseok, Friday
        KickoffScheduler chuseok = scheduler(Plans.defaults());
        chuseok.leadershipGranted(() -> true);
        chuseok.tick();
        assertThat(sent).containsExactly("sched:SUBMERCHANT_REGISTRATION_RESULT:2026-09-25:0615",
                "sched:DIFF_SETTLEMENT_RESULT:2026-09-25:0715");
    }

    @Test
    void historyThatCannotBeReadBlocksSendingUntilItCan() {
        boolean[] kafkaUp = {false};
        KickoffScheduler scheduler = new KickoffScheduler(Plans.defaults(), port, lookback -> {
            if (!kafkaUp[0]) {
                throw new IllegalStateException("timeout");
            }
            return List.of();
        }, clock, Duration.ofHours(6));
        scheduler.leadershipGranted(() -> true);

        scheduler.tick();
        assertThat(sent).isEmpty();
        kafkaUp[0] = true;
        scheduler.tick();
        assertThat(sent).hasSize(4);
    }
}
