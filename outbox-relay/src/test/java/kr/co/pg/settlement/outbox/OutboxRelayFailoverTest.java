package kr.co.pg.settlement.outbox;

import static kr.co.pg.settlement.outbox.OutboxFixture.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kr.co.pg.settlement.outbox.OutboxFixture.Row;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of one relay (same name, same binlog client id) against one real MariaDB and one real Kafka:
 * exactly one relays; the other takes over when the first dies or stops, from the offsets shared in MariaDB.
 */
class OutboxRelayFailoverTest {

    private OutboxFixture fixture;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new OutboxFixture();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        fixture.drop();
    }

    @Test
    void onlyOneOfTwoInstancesRelaysAndTheOtherTakesOverWhenItStops() throws Exception {
        OutboxRelayConfig config = fixture.config();
        OutboxRelay first = instance(config);
        OutboxRelay second = instance(config);
        first.start();
        second.start();
        assertThat(first.isActive()).isTrue();
        assertThat(second.isActive()).isFalse();
        OutboxFixture.awaitStreaming(config);

        List<String> whileBothRun = insertBatches("both", 6, 100);
        Map<String, Integer> received = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = fixture.consumer()) {
            readUntilAll(consumer, received, whileBothRun);
            assertThat(duplicates(received)).as("events relayed twice while both instances run").isEmpty();
            assertThat(second.relayedCount()).isZero();
            assertThat(second.isActive()).isFalse();
            assertThat(second.status().running()).isFalse();
            OutboxRelayStatus active = first.status();
            assertThat(active.active()).isTrue();
            assertThat(active.running()).isTrue();
            assertThat(active.activations()).isEqualTo(1);
            assertThat(active.relayedCount()).isEqualTo(600);
            assertThat(active.lastRelayedAt()).isNotNull();
            assertThat(active.binlogPosition()).matches(".+:\\d+");

            // a graceful stop commits the offsets and releases the lock: the standby continues, nothing is re-sent
            long stoppedAt = System.nanoTime();
            first.close();
            assertThat(first.isActive()).isFalse();
            await().atMost(Duration.ofSeconds(30)).until(second::isActive);
            List<String> afterStop = insertBatches("after-stop", 2, 50);
            readUntilAll(consumer, received, afterStop);
            System.out.printf("outbox relay handover after a graceful stop: the standby relayed new rows %.2f s after"
                    + " the active instance stopped%n", (System.nanoTime() - stoppedAt) / 1e9);
            assertThat(duplicates(received)).as("events relayed twice across a graceful handover").isEmpty();
            assertThat(second.relayedCount()).as("the standby resumed at the shared offset: no snapshot, no replay")
                    .isEqualTo(100);
            assertThat(second.status().activations()).isEqualTo(1);
        }
    }

    @Test
    void whenTheActiveInstanceDiesTheStandbyRelaysWithinThirtySecondsAndNothingIsLost() throws Exception {
        OutboxRelayConfig config = withStandbyRetry(fixture.config(), Duration.ofSeconds(5));
        OutboxRelay dying = instance(config);
        OutboxRelay standby = instance(config);
        dying.start();
        standby.start();
        OutboxFixture.awaitStreaming(config);
        assertThat(dying.isActive()).isTrue();
        assertThat(standby.isActive()).isFalse();

        List<String> before = insertBatches("before", 4, 50);
        Map<String, Integer> received = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = fixture.consumer()) {
            readUntilAll(consumer, received, before);
            await().atMost(Duration.ofSeconds(10)).until(() -> dying.relayedCount() == before.size());
            awaitOffsetStored(config, dying);

            // the active instance's session ends as at kill -9: the server drops its lock; its last offsets
            // cannot be written any more (fenced), so whatever it sends from now on counts as a takeover duplicate
            long killedAt = System.nanoTime();
            killLockSession(config);
            List<String> duringTakeover = insertBatches("takeover", 2, 50);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(standby::isActive);
            double activeAfter = (System.nanoTime() - killedAt) / 1e9;
            readUntilAll(consumer, received, duringTakeover);
            double relayedAfter = (System.nanoTime() - killedAt) / 1e9;
            assertThat(relayedAfter).as("seconds until the standby relayed the rows written after the kill")
                    .isLessThan(30);
            await().atMost(Duration.ofSeconds(10)).until(() -> !dying.isActive() && !dying.isRunning());
            long sentByTheDeadOne = dying.relayedCount();

            List<String> after = insertBatches("after", 2, 50);
            readUntilAll(consumer, received, after);

            Map<String, Integer> duplicated = duplicates(received);
            System.out.printf("outbox relay takeover after the active instance's session died: standby active after"
                            + " %.2f s, rows written after the kill relayed after %.2f s (standby retry %d s);"
                            + " %d events delivered twice around the takeover %s%n", activeAfter, relayedAfter,
                    config.standbyRetryInterval().toSeconds(), duplicated.size(), new TreeMap<>(duplicated).keySet());
            assertThat(duplicated.keySet()).as("only events in flight at the takeover may arrive twice")
                    .allMatch(duringTakeover::contains);
            assertThat(received.keySet()).containsAll(before).containsAll(duringTakeover).containsAll(after);
            assertThat(dying.relayedCount()).as("the dead instance relays nothing once it lost its lock")
                    .isEqualTo(sentByTheDeadOne);
            assertThat(dying.isActive()).isFalse();
            assertThat(standby.isActive()).isTrue();
            assertThat(standby.relayedCount()).as("resumed at the shared offset: no snapshot of the 200 rows before")
                    .isLessThanOrEqualTo(duringTakeover.size() + after.size());
        }
    }

    @Test
    void whenTheActiveProcessIsKilledWithSigkillTheStandbyRelaysWithinThirtySeconds() throws Exception {
        OutboxRelayConfig config = withStandbyRetry(fixture.config(), Duration.ofSeconds(5));
        Path log = Files.createTempFile("relay-process-", ".log");
        Process active = startRelayProcess(config, log);
        toClose.add(() -> {
            active.destroyForcibly().waitFor();
            Files.deleteIfExists(log);
        });
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> !active.isAlive() || Files.readString(log).contains(RelayProcess.ACTIVE_LINE));
        assertThat(active.isAlive()).as("relay process (log: %s)", log).isTrue();
        OutboxRelay standby = instance(config);
        standby.start();
        assertThat(standby.isActive()).isFalse();

        List<String> before = insertBatches("before", 4, 50);
        Map<String, Integer> received = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = fixture.consumer()) {
            readUntilAll(consumer, received, before);

            long killedAt = System.nanoTime();
            active.destroyForcibly(); // SIGKILL: no shutdown hook, no offset commit, no lock release
            assertThat(active.waitFor(10, TimeUnit.SECONDS)).isTrue();
            List<String> afterKill = insertBatches("after-kill", 2, 50);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(standby::isActive);
            double activeAfter = (System.nanoTime() - killedAt) / 1e9;
            readUntilAll(consumer, received, afterKill);
            double relayedAfter = (System.nanoTime() - killedAt) / 1e9;

            Map<String, Integer> duplicated = duplicates(received);
            System.out.printf("outbox relay takeover after SIGKILL of the active process: standby active after %.2f s,"
                            + " rows written after the kill relayed after %.2f s (standby retry %d s); %d events"
                            + " delivered twice %s%n", activeAfter, relayedAfter,
                    config.standbyRetryInterval().toSeconds(), duplicated.size(), new TreeMap<>(duplicated).keySet());
            assertThat(relayedAfter).isLessThan(30);
            assertThat(received.keySet()).containsAll(before).containsAll(afterKill);
            assertThat(duplicated.size()).as("at most the batch in flight at the kill is sent again")
                    .isLessThanOrEqualTo(config.maxBatchSize());
            assertThat(duplicated.keySet()).noneMatch(afterKill::contains);
            assertThat(standby.relayedCount()).as("resumed at the shared offset, not from a new snapshot")
                    .isLessThan(before.size() + afterKill.size());
        }
    }

    private Process startRelayProcess(OutboxRelayConfig c, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                RelayProcess.class.getName(), c.dbHost(), Integer.toString(c.dbPort()), c.dbUser(), c.dbPassword(),
                c.database(), c.table(), Long.toString(c.serverId()), c.name(),
                Long.toString(c.standbyRetryInterval().toMillis()), fixture.kafka.bootstrapServers())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private OutboxRelay instance(OutboxRelayConfig config) {
        KafkaProducer<String, byte[]> producer = fixture.producer();
        toClose.add(() -> producer.close(Duration.ofSeconds(5)));
        OutboxRelay relay = new OutboxRelay(config, producer);
        toClose.add(relay);
        return relay;
    }

    private static OutboxRelayConfig withStandbyRetry(OutboxRelayConfig c, Duration retry) {
        return new OutboxRelayConfig(c.dbHost(), c.dbPort(), c.dbUser(), c.dbPassword(), c.database(), c.table(),
                c.serverId(), c.name(), c.maxBatchSize(), c.pollInterval(), retry);
    }

    /** Inserts {@code transactions} transactions of {@code rowsEach} rows; returns their event ids. */
    private List<String> insertBatches(String prefix, int transactions, int rowsEach) throws SQLException {
        List<String> eventIds = new ArrayList<>();
        for (int t = 0; t < transactions; t++) {
            int tx = t;
            List<Row> rows = IntStream.range(0, rowsEach)
                    .mapToObj(i -> fixture.row(prefix + "-" + tx + "-" + i, "file-" + (i % 7), "{\"i\":" + i + "}"))
                    .toList();
            fixture.insert(rows);
            rows.forEach(r -> eventIds.add(r.eventId()));
        }
        return eventIds;
    }

    private static void readUntilAll(KafkaConsumer<String, byte[]> consumer, Map<String, Integer> received,
                                     List<String> expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1)).until(() -> {
            consumer.poll(Duration.ofMillis(200))
                    .forEach(r -> received.merge(header(r, "eventId"), 1, Integer::sum));
            return received.keySet().containsAll(expected);
        });
        // whatever else is already on its way (a duplicate right behind the last expected event)
        consumer.poll(Duration.ofMillis(300)).forEach(r -> received.merge(header(r, "eventId"), 1, Integer::sum));
    }

    private static Map<String, Integer> duplicates(Map<String, Integer> received) {
        return received.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Waits until the relay's stored offset is the binlog position of the last change it handled. */
    private void awaitOffsetStored(OutboxRelayConfig config, OutboxRelay relay) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            String position = relay.status().binlogPosition();
            String file = position.substring(0, position.lastIndexOf(':'));
            String pos = position.substring(position.lastIndexOf(':') + 1);
            try (Connection c = fixture.connection();
                 PreparedStatement q = c.prepareStatement("SELECT offset_value FROM outbox_relay_offset"
                         + " WHERE relay_name = ?")) {
                q.setString(1, config.name());
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    String stored = new String(rs.getBytes(1), StandardCharsets.UTF_8);
                    return stored.contains("\"file\":\"" + file + "\"") && stored.contains("\"pos\":" + pos + ",");
                }
            }
        });
    }

    /** Kills the MariaDB session holding the relay lock, as the server sees a killed process. */
    private void killLockSession(OutboxRelayConfig config) throws SQLException {
        try (Connection c = fixture.connection(); Statement s = c.createStatement()) {
            long holder;
            try (ResultSet rs = s.executeQuery("SELECT IS_USED_LOCK('" + RelayLock.lockName(config) + "')")) {
                rs.next();
                holder = rs.getLong(1);
            }
            assertThat(holder).isPositive();
            s.execute("KILL CONNECTION " + holder);
        }
    }

}
