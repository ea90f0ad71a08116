package kr.co.pg.settlement.scheduler;

import static kr.co.pg.settlement.scheduler.SchedulerInstances.awaitLeaderTicks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Restarts against the real broker: missed slots are caught up within the window only, never sent twice; a
 * public holiday skips the request jobs only.
 */
class SchedulerRestartTest {

    @Test
    void catchesUpWithinTheWindowOnlyAndARestartDoesNotSendAgain() {
        // Tuesday 13:00: with the 6 h window from 07:00, the 07:15 slots are caught up, the 06:15 ones are too old
        MutableClock clock = new MutableClock("2026-11-24T13:00");
        try (SchedulerInstances instances = new SchedulerInstances(clock)) {
            ConfigurableApplicationContext first = instances.start();
            awaitLeaderTicks(first, 2);
            assertThat(instances.kickoffIds()).containsExactly("sched:DIFF_SETTLEMENT_REQUEST:2026-11-24:0715",
                    "sched:DIFF_SETTLEMENT_RESULT:2026-11-24:0715");

            instances.stop(first);
            clock.set("2026-11-24T13:05");
            ConfigurableApplicationContext second = instances.start();
            awaitLeaderTicks(second, 2);
            assertThat(instances.kickoffIds()).as("nothing sent again after the restart").containsExactly(
                    "sched:DIFF_SETTLEMENT_REQUEST:2026-11-24:0715", "sched:DIFF_SETTLEMENT_RESULT:2026-11-24:0715");

            clock.set("2026-11-25T06:15");
            await().atMost(Duration.ofSeconds(30)).until(() -> instances.kickoffIds().size() >= 4);
            awaitLeaderTicks(second, 2);
            assertThat(instances.kickoffIds()).containsExactly("sched:DIFF_SETTLEMENT_REQUEST:2026-11-24:0715",
                    "sched:DIFF_SETTLEMENT_RESULT:2026-11-24:0715",
                    "sched:SUBMERCHANT_REGISTRATION_REQUEST:2026-11-25:0615",
                    "sched:SUBMERCHANT_REGISTRATION_RESULT:2026-11-25:0615");

            // Christmas (Friday): the result jobs run, the request jobs do not
            clock.set("2026-12-25T07:15");
            await().atMost(Duration.ofSeconds(30)).until(() -> instances.kickoffIds().size() >= 6);
            awaitLeaderTicks(second, 2);
            assertThat(instances.kickoffIds()).hasSize(6).contains(
                    "sched:SUBMERCHANT_REGISTRATION_RESULT:2026-12-25:0615",
                    "sched:DIFF_SETTLEMENT_RESULT:2026-12-25:0715");
        }
    }
}
