package kr.co.pg.settlement.kit.kafka;

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
    void everyTopicWithItsPartitionsRetentionAndAnOverride() {
        Map<String, NewTopic> topics = Arrays.stream(TopicDeclarations.of(3, 2, " settlement.kickoff.v1 = 8"))
                .collect(Collectors.toMap(NewTopic::name, Function.identity()));

        assertThat(topics).hasSize(Topics.all().size());
        assertThat(topics.get(Topics.KICKOFF).numPartitions()).isEqualTo(8);
        Topics.all().stream().filter(s -> !s.name().equals(Topics.KICKOFF)).forEach(s ->
                assertThat(topics.get(s.name()).numPartitions()).isEqualTo(s.partitions()));
        assertThat(topics.get(Topics.FILE_SUBMITTED).replicationFactor()).isEqualTo((short) 3);
        assertThat(topics.get(Topics.FILE_SUBMITTED).configs())
                .containsEntry("min.insync.replicas", "2")
                .containsEntry("retention.ms", String.valueOf(Topics.RETENTION.toMillis()))
                .containsEntry("max.message.bytes", String.valueOf(Topics.MAX_MESSAGE_BYTES));
    }

    @Test
    void minInsyncNeverExceedsTheReplication() {
        assertThat(TopicDeclarations.of(1, 2, null)[0].configs()).containsEntry("min.insync.replicas", "1");
    }

    @Test
    void badSettingsAreConfigurationErrors() {
        assertThatThrownBy(() -> TopicDeclarations.of(0, 1, "")).hasMessageContaining("topic-replication");
        assertThatThrownBy(() -> TopicDeclarations.of(1, 1, "settlement.nope.v1=3"))
                .hasMessageContaining("settlement.kafka.topic-partitions").hasMessageContaining("settlement.nope.v1=3");
        assertThatThrownBy(() -> TopicDeclarations.of(1, 1, Topics.KICKOFF + "=x"))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> TopicDeclarations.of(1, 1, Topics.KICKOFF + "=0"))
                .hasMessageContaining("at least one");
    }
}
