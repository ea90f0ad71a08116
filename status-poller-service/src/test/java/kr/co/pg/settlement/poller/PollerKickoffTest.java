package kr.co.pg.settlement.poller;

import kr.co.pg.settlement.localstack.KafkaTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import kr.co.pg.settlement.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A poller whose regular round is an hour away: only kick-offs make it poll. */
class PollerKickoffTest {

    static PollerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new PollerFixture(Duration.ofHours(1));
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void resultKickoffPollsAtOnceAndADuplicateKickoffIsIgnored() {
        PollerFixture.Submitted s = fx.uploadS1(2);
        fx.publish(s);
        await().atMost(Duration.ofSeconds(30)).until(() -> fx.receiptRows(s.receiptNo()) == 1 && fx.isDone(s.receiptNo()));

        // a REQUEST kick-off is not the poller's job
        String requestKickoff = UUID.randomUUID().toString();
        fx.awaitConsumed(fx.sendRaw(Topics.KICKOFF, "DIFF_SETTLEMENT_REQUEST", kickoff(requestKickoff,
                "DIFF_SETTLEMENT_REQUEST")));
        assertThat(fx.readAll(Topics.SETTLEMENT_RESULTS, s.fileId(), s.receiptNo())).isEmpty();
        assertThat(processedKickoffs(requestKickoff)).isZero();

        String kickoffId = UUID.randomUUID().toString();
        fx.kafka.sendRaw(Topics.KICKOFF, "DIFF_SETTLEMENT_RESULT", kickoff(kickoffId, "DIFF_SETTLEMENT_RESULT"));
        // test classes share the broker and file ids: this receipt's results only
        await().atMost(Duration.ofSeconds(20)).until(() -> fx.kafka.received(Topics.SETTLEMENT_RESULTS,
                r -> s.fileId().equals(r.key()) && String.valueOf(KafkaTestClient.header(r, "eventId"))
                        .contains(s.receiptNo())).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> processedKickoffs(kickoffId) == 1);

        fx.awaitConsumed(fx.sendRaw(Topics.KICKOFF, "DIFF_SETTLEMENT_RESULT", kickoff(kickoffId,
                "DIFF_SETTLEMENT_RESULT")));
        assertThat(fx.readAll(Topics.SETTLEMENT_RESULTS, s.fileId(), s.receiptNo())).hasSize(1);
        assertThat(processedKickoffs(kickoffId)).isEqualTo(1);
    }

    @Test
    void invalidKickoffGoesToTheDeadLetterTopicWithTheReason() {
        String key = "BAD-" + UUID.randomUUID();
        fx.kafka.sendRaw(Topics.KICKOFF, key, ("{\"kickoffId\":\"k-" + key + "\",\"job\":\"NO_SUCH_JOB\","
                + "\"businessDate\":\"2026-11-24\"}").getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                !fx.kafka.received(Topics.DLT_POLLER, r -> key.equals(r.key())).isEmpty());
        ConsumerRecord<String, byte[]> dead = fx.kafka.received(Topics.DLT_POLLER, r -> key.equals(r.key())).get(0);
        assertThat(KafkaTestClient.header(dead, "kafka_dlt-exception-message")).contains("unknown job 'NO_SUCH_JOB'");
        assertThat(KafkaTestClient.header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.KICKOFF);
    }

    private static int processedKickoffs(String kickoffId) {
        return fx.jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class,
                kickoffId);
    }

    private static byte[] kickoff(String id, String job) {
        return ("{\"kickoffId\":\"" + id + "\",\"job\":\"" + job + "\",\"businessDate\":\"2026-11-24\","
                + "\"requestedAt\":\"2026-11-24T07:15:00+09:00\",\"requestedBy\":\"test\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
