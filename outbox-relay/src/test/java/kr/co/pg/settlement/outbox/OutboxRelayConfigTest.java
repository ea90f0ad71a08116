package kr.co.pg.settlement.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class OutboxRelayConfigTest {

    private static OutboxRelayConfig config(String database, long serverId, String name) {
        return new OutboxRelayConfig("db.local", 3306, "relay", "s3cret-pw", database, "outbox_event", serverId,
                name, 200, Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    @Test
    void toStringNeverShowsThePassword() {
        assertThat(config("settlement", 101, "collector-outbox").toString())
                .doesNotContain("s3cret-pw")
                .contains("relay@db.local:3306/settlement.outbox_event", "serverId=101");
    }

    @Test
    void rejectsValuesThatWouldBreakTheConnectorWithTheFieldName() {
        assertThatThrownBy(() -> config("settlement;drop", 101, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database 'settlement;drop'");
        assertThatThrownBy(() -> config("settlement", 0, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serverId");
        assertThatThrownBy(() -> config("settlement", 101, "has space"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name 'has space'");
    }

    @Test
    void debeziumPropertiesCaptureOnlyTheOutboxTableAndKeepStateInTheDatabaseFencedByTheLock() {
        StateAccess state = new StateAccess("jdbc:mariadb://db.local:3306/settlement", "relay", "s3cret-pw",
                "collector-outbox", "outbox-relay:settlement:collector-outbox", 42, "host-a/pid 7");
        Properties p = DebeziumProperties.of(config("settlement", 101, "collector-outbox"), state);
        assertThat(p.getProperty("connector.class")).isEqualTo("io.debezium.connector.mariadb.MariaDbConnector");
        assertThat(p.getProperty("table.include.list")).isEqualTo("settlement\\.outbox_event");
        assertThat(p.getProperty("database.server.id")).isEqualTo("101");
        assertThat(p.getProperty("topic.prefix")).isEqualTo("collector-outbox");
        assertThat(p.getProperty("offset.storage")).isEqualTo(JdbcOffsetStore.class.getName());
        assertThat(p.getProperty("schema.history.internal")).isEqualTo(JdbcSchemaHistory.class.getName());
        assertThat(StateAccess.from(p, JdbcOffsetStore.PREFIX)).isEqualTo(state);
        assertThat(StateAccess.from(p, JdbcSchemaHistory.PREFIX)).isEqualTo(state);
        assertThat(p.stringPropertyNames()).noneMatch(key -> key.contains("file"));
        assertThat(p.getProperty("max.batch.size")).isEqualTo("200");
        assertThat(Integer.parseInt(p.getProperty("max.queue.size"))).isGreaterThan(200);
    }

    @Test
    void lockNamesStayWithinMariaDbsLimitAndDifferPerDatabaseAndRelay() {
        String plain = RelayLock.lockName(config("settlement", 101, "collector-outbox"));
        assertThat(plain).isEqualTo("outbox-relay:settlement:collector-outbox");
        String longName = "relay-with-a-rather-long-name-for-a-test-of-the-sixty-four-character-limit";
        String hashed = RelayLock.lockName(config("settlement", 101, longName));
        assertThat(hashed).hasSizeLessThanOrEqualTo(64).startsWith("outbox-relay:");
        assertThat(RelayLock.lockName(config("settlement2", 101, longName))).isNotEqualTo(hashed);
        assertThat(RelayLock.lockName(config("settlement", 101, "collector-outbox2"))).isNotEqualTo(plain);
    }

    @Test
    void rejectsAStandbyRetryIntervalThatWouldHammerTheDatabase() {
        assertThatThrownBy(() -> new OutboxRelayConfig("db.local", 3306, "relay", "pw", "settlement",
                "outbox_event", 101, "collector-outbox", 200, Duration.ofMillis(100), Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("standbyRetryInterval");
    }
}
