package kr.co.pg.settlement.outbox;

import static kr.co.pg.settlement.outbox.OutboxFixture.header;
import static kr.co.pg.settlement.outbox.OutboxFixture.readUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import kr.co.pg.settlement.outbox.OutboxFixture.Row;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real MariaDB binlog, real Kafka broker (local stack), Debezium 3.5 on Kafka 4.2 Connect. */
class OutboxRelayTest {

    private OutboxFixture fixture;
    private KafkaProducer<String, byte[]> producer;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new OutboxFixture();
        producer = fixture.producer();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        producer.close(Duration.ofSeconds(5));
        fixture.drop();
    }

    @Test
    void relaysInsertedRowsWithKeyPayloadAndHeadersInCommitOrder() throws Exception {
        OutboxRelay relay = started(fixture.config(), producer);
        assertThat(relay.isRunning()).isTrue();

        String korean = "가맹점 정산 차액 — 한글 본문 ";
        StringBuilder big = new StringBuilder("{\"text\":\"");
        while (big.length() < 5 * 1024 * 1024) {
            big.append(korean).append(big.length());
        }
        big.append("\"}");
        List<Row> rows = List.of(
                fixture.row("e-1", "S1-20261124-000001", "{\"n\":1}"),
                fixture.row("e-2", "S1-20261124-000002", big.toString()),
                fixture.row("e-3", "S1-20261124-000001", "{\"n\":3,\"memo\":\"" + korean + "\"}"),
                new Row("e-4", "OtherEvent", fixture.topic, "S1-20261124-000001",
                        java.time.LocalDate.of(2026, 12, 31), "{\"n\":4}".getBytes(StandardCharsets.UTF_8)));
        List<Long> ids = fixture.insert(rows);

        try (KafkaConsumer<String, byte[]> consumer = fixture.consumer()) {
            List<ConsumerRecord<String, byte[]>> received = readUntil(consumer, new ArrayList<>(), "e-4");
            assertThat(received).hasSize(4);
            for (int i = 0; i < rows.size(); i++) {
                Row expected = rows.get(i);
                ConsumerRecord<String, byte[]> actual = received.get(i);
                assertThat(header(actual, "eventId")).isEqualTo(expected.eventId());
                assertThat(actual.key()).isEqualTo(expected.key());
                assertThat(actual.value()).isEqualTo(expected.payload());
                assertThat(header(actual, "eventType")).isEqualTo(expected.eventType());
                assertThat(header(actual, "businessDate")).isEqualTo(expected.businessDate().toString());
            }
            assertThat(new String(received.get(1).value(), StandardCharsets.UTF_8)).contains(korean);
            assertThat(received.get(1).value().length).isGreaterThan(5 * 1024 * 1024);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.lastRelayedId() == ids.get(3));
        assertThat(relay.relayedCount()).isEqualTo(4);
    }

    @Test
    void snapshotsExistingRowsOnceThenAFreshInstanceResumesFromTheSharedOffsetsWithoutSendingAnythingTwice() throws Exception {
        fixture.insert(List.of(fixture.row("before-1", "k", "{}"), fixture.row("before-2", "k", "{}")));
        OutboxRelayConfig config = fixture.config();

        OutboxRelay first = started(config, producer);
        await().atMost(Duration.ofSeconds(60)).until(() -> first.relayedCount() == 2);
        fixture.insert(List.of(fixture.row("live-1", "k", "{}"), fixture.row("live-2", "k", "{}")));
        fixture.insert(List.of(fixture.row("live-3", "k", "{}")));
        await().atMost(Duration.ofSeconds(60)).until(() -> first.relayedCount() == 5);
        first.close();
        assertThat(first.isRunning()).isFalse();

        List<Long> whileStopped = fixture.insert(
                List.of(fixture.row("stopped-1", "k", "{}"), fixture.row("stopped-2", "k", "{}")));
        OutboxRelay second = started(config, producer);
        await().atMost(Duration.ofSeconds(60)).until(() -> second.relayedCount() == 2);
        assertThat(second.lastRelayedId()).isEqualTo(whileStopped.get(1));
        List<Long> marker = fixture.insert(List.of(fixture.row("marker", "k", "{}")));
        await().atMost(Duration.ofSeconds(60)).until(() -> second.lastRelayedId() == marker.get(0));
        assertThat(second.relayedCount()).isEqualTo(3);

        try (KafkaConsumer<String, byte[]> consumer = fixture.consumer()) {
            List<String> eventIds = readUntil(consumer, new ArrayList<>(), "marker").stream()
                    .map(r -> header(r, "eventId")).toList();
            assertThat(eventIds).containsExactly("before-1", "before-2", "live-1", "live-2", "live-3",
                    "stopped-1", "stopped-2", "marker");
        }
    }

    @Test
    void relaysARowDeletedInItsOwnTransactionOnceAndIgnoresUpdatesAndDeletes() throws Exception {
        OutboxRelay relay = started(fixture.config(), producer);
        fixture.execute(
                insertSql("gone", "k1"),
                "DELETE FROM outbox_event WHERE event_id = 'gone'",
                insertSql("kept", "k2"));
        fixture.execute("UPDATE outbox_event SET payload = 'changed' WHERE event_id = 'kept'");
        fixture.execute("DELETE FROM outbox_event WHERE event_id = 'kept'");
        fixture.execute(insertSql("marker", "k3"));

        try (KafkaConsumer<String, byte[]> consumer = fixture.consumer()) {
            List<ConsumerRecord<String, byte[]>> received = readUntil(consumer, new ArrayList<>(), "marker");
            assertThat(received).extracting(r -> header(r, "eventId")).containsExactly("gone", "kept", "marker");
            assertThat(received).extracting(ConsumerRecord::key).containsExactly("k1", "k2", "k3");
            assertThat(new String(received.get(1).value(), StandardCharsets.UTF_8)).isEqualTo("{\"v\":\"kept\"}");
        }
        assertThat(relay.relayedCount()).isEqualTo(3);
    }

    @Test
    void commitsNothingWhenKafkaRefusesARowAndRelaysItAfterRestart() throws Exception {
        OutboxRelayConfig config = fixture.config();
        byte[] tooLargeForTheFirstProducer = new byte[200_000];
        Arrays.fill(tooLargeForTheFirstProducer, (byte) 'x');
        RefusedSends refusals = new RefusedSends();
        try (KafkaProducer<String, byte[]> smallRequests = fixture.producer(
                Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "50000",
                        ProducerConfig.COMPRESSION_TYPE_CONFIG, "none",
                        ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, RefusedSends.class.getName(),
                        RefusedSends.CONFIG, refusals))) {
            OutboxRelay refused = started(config, smallRequests);
            fixture.insert(List.of(fixture.row("small", "k", "{}")));
            await().atMost(Duration.ofSeconds(30)).until(() -> refused.relayedCount() == 1);
            fixture.insert(List.of(new Row("large", "TestEvent", fixture.topic, "k",
                    java.time.LocalDate.of(2026, 11, 24), tooLargeForTheFirstProducer)));
            // the engine stops on the refused send and is restarted by the relay, which reads the row again and is
            // refused again: the row is never counted
            await().atMost(Duration.ofSeconds(30)).until(() -> refusals.count() >= 2);
            assertThat(refused.relayedCount()).isEqualTo(1);
            refused.close();
        }

        OutboxRelay recovered = started(config, producer);
        try (KafkaConsumer<String, byte[]> consumer = fixture.consumer()) {
            List<ConsumerRecord<String, byte[]>> received = readUntil(consumer, new ArrayList<>(), "large");
            assertThat(received).extracting(r -> header(r, "eventId")).containsExactly("small", "large");
            assertThat(received.get(1).value()).isEqualTo(tooLargeForTheFirstProducer);
        }
        assertThat(recovered.relayedCount()).isEqualTo(1);
    }

    @Test
    void failsFastWithAClearMessageWhenTheDatabaseIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OutboxRelayConfig ok = fixture.config();
        OutboxRelayConfig unreachable = new OutboxRelayConfig("127.0.0.1", closedPort, ok.dbUser(), ok.dbPassword(),
                ok.database(), ok.table(), ok.serverId(), ok.name(), ok.maxBatchSize(), ok.pollInterval(),
                ok.standbyRetryInterval());
        OutboxRelay relay = new OutboxRelay(unreachable, producer);
        toClose.add(relay);
        long startedAt = System.nanoTime();
        assertThatThrownBy(relay::start)
                .isInstanceOf(OutboxRelayException.class)
                .hasMessageContaining("cannot connect to MariaDB at root@127.0.0.1:" + closedPort);
        assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(Duration.ofSeconds(15));
        assertThat(relay.isRunning()).isFalse();
    }

    @Test
    void relaysTwoThousandSmallRowsQuickly() throws Exception {
        OutboxRelay relay = started(fixture.config(), producer);
        String payload = "{\"filler\":\"" + "가".repeat(680) + "\"}"; // about 2 KB of UTF-8
        List<Row> rows = IntStream.rangeClosed(1, 2_000)
                .mapToObj(i -> fixture.row("bulk-" + i, "file-" + (i % 20), payload)).toList();
        long startedAt = System.nanoTime();
        List<Long> ids = fixture.insert(rows);
        long committedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                .until(() -> relay.lastRelayedId() == ids.get(ids.size() - 1));
        long relayedAt = System.nanoTime();
        assertThat(relay.relayedCount()).isEqualTo(2_000);
        double relaySeconds = (relayedAt - committedAt) / 1e9;
        System.out.printf("outbox relay throughput: 2000 rows of %d bytes relayed %.3f s after commit = %.0f rows/s"
                        + " (insert took %.3f s)%n", payload.getBytes(StandardCharsets.UTF_8).length, relaySeconds,
                2_000 / relaySeconds, (committedAt - startedAt) / 1e9);
    }

    private OutboxRelay started(OutboxRelayConfig config, KafkaProducer<String, byte[]> kafkaProducer) {
        OutboxRelay relay = new OutboxRelay(config, kafkaProducer);
        toClose.add(relay);
        relay.start();
        OutboxFixture.awaitStreaming(config);
        return relay;
    }

    private String insertSql(String eventId, String key) {
        return "INSERT INTO outbox_event (event_id, event_type, topic, event_key, business_date, payload, created_at)"
                + " VALUES ('" + eventId + "', 'TestEvent', '" + fixture.topic + "', '" + key + "', '2026-11-24',"
                + " '{\"v\":\"" + eventId + "\"}', NOW(3))";
    }

    /** Counts the sends the producer refused (here: only the row too large for it). */
    public static final class RefusedSends implements ProducerInterceptor<String, byte[]> {

        static final String CONFIG = "test.refused-sends";
        private final AtomicInteger refused = new AtomicInteger();
        private RefusedSends target = this;

        int count() {
            return refused.get();
        }

        @Override
        public void configure(Map<String, ?> configs) {
            target = (RefusedSends) configs.get(CONFIG);
        }

        @Override
        public ProducerRecord<String, byte[]> onSend(ProducerRecord<String, byte[]> record) {
            return record;
        }

        @Override
        public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
            if (exception != null) {
                target.refused.incrementAndGet();
            }
        }

        @Override
        public void close() {
        }
    }
}
