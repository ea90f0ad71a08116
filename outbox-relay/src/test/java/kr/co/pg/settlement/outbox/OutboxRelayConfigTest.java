package kr.co.pg.settlement.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class OutboxRelayConfigTest {

    private static OutboxRelayConfig config(String database, long serverId, String name) {
        return new OutboxRelayConfig("db.local", 3306, "relay", "s3cret-pw", database, "outbox_event", serverId,
                Path.of("/var/lib/relay"), name, 200, Duration.ofMillis(100));
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
    void debeziumPropertiesCaptureOnlyTheOutboxTableAndKeepStateInTheStateDir() {
        Properties p = DebeziumProperties.of(config("settlement", 101, "collector-outbox"));
        assertThat(p.getProperty("connector.class")).isEqualTo("io.debezium.connector.mariadb.MariaDbConnector");
        assertThat(p.getProperty("table.include.list")).isEqualTo("settlement\\.outbox_event");
        assertThat(p.getProperty("database.server.id")).isEqualTo("101");
        assertThat(p.getProperty("topic.prefix")).isEqualTo("collector-outbox");
        assertThat(p.getProperty("offset.storage.file.filename")).isEqualTo("/var/lib/relay/offsets.dat");
        assertThat(p.getProperty("schema.history.internal.file.filename"))
                .isEqualTo("/var/lib/relay/schema-history.dat");
        assertThat(p.getProperty("max.batch.size")).isEqualTo("200");
        assertThat(Integer.parseInt(p.getProperty("max.queue.size"))).isGreaterThan(200);
    }

    @Test
    void restartDelayGrowsToAMinute() {
        assertThat(OutboxRelay.restartDelay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(OutboxRelay.restartDelay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(OutboxRelay.restartDelay(50)).isEqualTo(Duration.ofSeconds(60));
    }
}
