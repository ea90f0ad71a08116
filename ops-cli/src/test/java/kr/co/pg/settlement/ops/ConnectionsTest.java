package kr.co.pg.settlement.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Where the command connects: flag, then --demo, then the services' environment variables; passwords never flags. */
class ConnectionsTest {

    private static Connections parse(Map<String, String> env, String... args) {
        Connections connections = new Connections(env);
        new CommandLine(connections).parseArgs(args);
        return connections;
    }

    @Test
    void theServicesEnvironmentVariables() {
        Connections c = parse(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka-0:9092", "SETTLEMENT_DB_URL", "jdbc:mariadb://db/settlement",
                "SETTLEMENT_DB_USER", "settlement", "SETTLEMENT_DB_PASSWORD", "s3cret", "COLLECTOR_URL", "http://collector:8080/"));

        assertThat(c.kafkaBootstrap()).isEqualTo("kafka-0:9092");
        assertThat(c.settlementDb()).isEqualTo(new Database("settlement database", "jdbc:mariadb://db/settlement",
                "settlement", "s3cret"));
        assertThat(c.collectorUrl()).contains("http://collector:8080");
        assertThat(c.pollerDb()).isEmpty();
        assertThat(c.settlementDb().toString()).doesNotContain("s3cret");
    }

    @Test
    void demoIsTheRunDayStackAndFlagsWin() {
        Connections c = parse(Map.of("DEMO_DB_PORT", "23306", "KAFKA_BOOTSTRAP_SERVERS", "elsewhere:9092"),
                "--demo", "--collector-url", "http://127.0.0.1:9999");

        assertThat(c.kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
        assertThat(c.settlementDb()).isEqualTo(new Database("settlement database",
                "jdbc:mariadb://127.0.0.1:23306/settlement", "root", ""));
        assertThat(c.pollerDb()).contains(new Database("poller database", "jdbc:mariadb://127.0.0.1:23306/kis_poller",
                "root", ""));
        assertThat(c.collectorUrl()).contains("http://127.0.0.1:9999");
    }

    @Test
    void aPasswordFileInsteadOfTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("db-password"), "from-file\n");
        Connections c = parse(Map.of("SETTLEMENT_DB_PASSWORD", "from-env"), "--db-url", "jdbc:mariadb://db/s",
                "--db-password-file", file.toString());

        assertThat(c.settlementDb().password()).isEqualTo("from-file");
    }

    @Test
    void theManagementCredentialFromTheEnvironmentOrAFileNeverAFlag(@TempDir Path dir) throws Exception {
        assertThat(parse(Map.of()).managementAuthorization()).isEmpty();
        assertThat(parse(Map.of("SETTLEMENT_MANAGEMENT_USER", "ops", "SETTLEMENT_MANAGEMENT_PASSWORD", "pw-from-env"))
                .managementAuthorization()).contains(basic("ops:pw-from-env"));
        Path file = Files.writeString(dir.resolve("management-password"), "pw-from-file\n");
        assertThat(parse(Map.of("SETTLEMENT_MANAGEMENT_PASSWORD", "pw-from-env"), "--management-user", "ops",
                "--management-password-file", file.toString()).managementAuthorization()).contains(basic("ops:pw-from-file"));
        // --demo follows ./run-day.sh: the credential of the environment when set
        assertThat(parse(Map.of("SETTLEMENT_MANAGEMENT_USER", "ops", "SETTLEMENT_MANAGEMENT_PASSWORD", "pw-from-env"),
                "--demo").managementAuthorization()).contains(basic("ops:pw-from-env"));
    }

    private static String basic(String userAndPassword) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                userAndPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void connectionFlagsBeforeTheCommandAreMovedBehindIt() {
        assertThat(SettlementCli.connectionFlagsAfterTheCommand(new String[] {"--demo", "--kafka", "k:1", "dlt", "list"}))
                .containsExactly("dlt", "list", "--demo", "--kafka", "k:1");
        assertThat(SettlementCli.connectionFlagsAfterTheCommand(new String[] {"--db-url=jdbc:x", "tx", "T1"}))
                .containsExactly("tx", "T1", "--db-url=jdbc:x");
        assertThat(SettlementCli.connectionFlagsAfterTheCommand(new String[] {"--help"})).containsExactly("--help");
    }

    @Test
    void nothingConfiguredSaysWhatToSet() {
        assertThatThrownBy(() -> parse(Map.of()).kafkaBootstrap()).isInstanceOf(OpsException.class)
                .hasMessage("Kafka not configured: set KAFKA_BOOTSTRAP_SERVERS or --kafka (or --demo for ./run-day.sh)");
    }
}
