package kr.co.pg.settlement.scheduler;

import static kr.co.pg.settlement.scheduler.SchedulerInstances.awaitLeaderTicks;
import static kr.co.pg.settlement.scheduler.SchedulerInstances.scheduler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.localstack.LocalStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Two scheduler instances on one real broker: one leads and sends each kick-off once; the other takes over. */
class TwoSchedulersTest {

    static final List<String> TUESDAY = List.of("sched:DIFF_SETTLEMENT_REQUEST:2026-11-24:0715",
            "sched:DIFF_SETTLEMENT_RESULT:2026-11-24:0715", "sched:SUBMERCHANT_REGISTRATION_REQUEST:2026-11-24:0615",
            "sched:SUBMERCHANT_REGISTRATION_RESULT:2026-11-24:0615");

    @Test
    void eachSlotIsSentOnceAndTheStandbyTakesOverWithoutSendingAgain() {
        MutableClock clock = new MutableClock("2026-11-24T07:15");
        try (SchedulerInstances instances = new SchedulerInstances(clock);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     LocalStack.kafka().bootstrapServers()))) {
            ConfigurableApplicationContext a = instances.start();
            ConfigurableApplicationContext b = instances.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> stableMembers(admin, instances.leaderGroup) == 2
                    && scheduler(a).isLeader() != scheduler(b).isLeader());
            ConfigurableApplicationContext leader = scheduler(a).isLeader() ? a : b;
            ConfigurableApplicationContext standby = leader == a ? b : a;

            awaitLeaderTicks(leader, 2);
            assertThat(instances.kickoffIds()).containsExactlyElementsOf(TUESDAY);
            assertThat(scheduler(standby).isLeader()).isFalse();

            instances.stop(leader);
            awaitLeaderTicks(standby, 2);
            assertThat(instances.kickoffIds()).as("the new leader does not send again").containsExactlyElementsOf(
                    TUESDAY);

            clock.set("2026-11-25T07:15");
            await().atMost(Duration.ofSeconds(30)).until(() -> instances.kickoffIds().size() >= 8);
            awaitLeaderTicks(standby, 2);
            assertThat(instances.kickoffIds()).hasSize(8).doesNotHaveDuplicates()
                    .contains("sched:DIFF_SETTLEMENT_REQUEST:2026-11-25:0715");
        }
    }

    private static int stableMembers(Admin admin, String group) throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
        return description.groupState() == GroupState.STABLE ? description.members().size() : -1;
    }
}
