package kr.co.pg.settlement.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.co.pg.settlement.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicDeclarationsTest {

    @Test
    void declaresTheSharedTopicsAndTheSingleLeaderPartition() {
        Map<String, NewTopic> topics = byName(new TopicDeclarations(3, 2, "settlement.kickoff.v1=8")
                .declare(Topics.KICKOFF, SchedulerProperties.LEADER_TOPIC));

        assertThat(topics).hasSize(Topics.all().size() + 1);
        assertThat(topics.get(SchedulerProperties.LEADER_TOPIC).numPartitions()).isEqualTo(1);
        assertThat(topics.get(SchedulerProperties.LEADER_TOPIC).replicationFactor()).isEqualTo((short) 3);
        assertThat(topics.get(Topics.KICKOFF).numPartitions()).isEqualTo(8);
        assertThat(topics.get(Topics.FILE_SUBMITTED).configs()).containsEntry("min.insync.replicas", "2");
    }

    @Test
    void aOneBrokerClusterGetsReplicationOneAndATestKickoffTopicIsDeclaredToo() {
        Map<String, NewTopic> topics = byName(new TopicDeclarations(1, 2, null).declare("it.kickoff", "it.leader"));

        assertThat(topics.get("it.kickoff").numPartitions()).isEqualTo(4);
        assertThat(topics.get("it.leader").configs()).containsEntry("min.insync.replicas", "1");
    }

    @Test
    void aBadPartitionOverrideIsAConfigurationError() {
        assertThatThrownBy(() -> new TopicDeclarations(1, 1, "settlement.nope.v1=3").declare(Topics.KICKOFF, "l"))
                .hasMessageContaining("settlement.kafka.topic-partitions").hasMessageContaining("settlement.nope.v1=3");
    }

    private static Map<String, NewTopic> byName(NewTopic[] topics) {
        return Arrays.stream(topics).collect(Collectors.toMap(NewTopic::name, Function.identity()));
    }
}
