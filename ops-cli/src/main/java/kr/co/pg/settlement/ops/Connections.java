package kr.co.pg.settlement.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where Kafka, the databases and the services are: a flag, else the services' own environment variables, else
 * (with --demo) the stack of ./run-day.sh. Passwords only from the environment or a file, never a flag.
 */
public final class Connections {

    public static final String MANAGEMENT_USER_VARIABLE = "SETTLEMENT_MANAGEMENT_USER";
    public static final String MANAGEMENT_PASSWORD_VARIABLE = "SETTLEMENT_MANAGEMENT_PASSWORD";
    private static final Path DEMO_MANAGEMENT_PASSWORD = Path.of(".local", "demo", "management-password");

    private final Map<String, String> env;

    @Option(names = "--kafka", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers (env KAFKA_BOOTSTRAP_SERVERS)")
    String kafka;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "settlement database (env SETTLEMENT_DB_URL)")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "env SETTLEMENT_DB_USER")
    String dbUser;

    @Option(names = "--db-password-file", paramLabel = "FILE", description = "file holding the password (else env SETTLEMENT_DB_PASSWORD)")
    Path dbPasswordFile;

    @Option(names = "--poller-db-url", paramLabel = "JDBC_URL", description = "poller database (env POLLER_DB_URL)")
    String pollerDbUrl;

    @Option(names = "--poller-db-user", paramLabel = "USER", description = "env POLLER_DB_USER")
    String pollerDbUser;

    @Option(names = "--poller-db-password-file", paramLabel = "FILE", description = "else env POLLER_DB_PASSWORD")
    Path pollerDbPasswordFile;

    @Option(names = "--collector-url", paramLabel = "URL", description = "collector base URL (env COLLECTOR_URL)")
    String collectorUrl;

    @Option(names = "--gateway-url", paramLabel = "URL", description = "gateway base URL, for health (env GATEWAY_URL)")
    String gatewayUrl;

    @Option(names = "--poller-url", paramLabel = "URL", description = "poller base URL, for health (env POLLER_URL)")
    String pollerUrl;

    @Option(names = "--management-user", paramLabel = "USER",
            description = "user of the services' HTTP endpoints: day report, health details (env SETTLEMENT_MANAGEMENT_USER)")
    String managementUser;

    @Option(names = "--management-password-file", paramLabel = "FILE",
            description = "file holding its password (else env SETTLEMENT_MANAGEMENT_PASSWORD)")
    Path managementPasswordFile;

    @Option(names = "--demo", description = "use the stack of ./run-day.sh on 127.0.0.1 (DEMO_*_PORT honoured)")
    boolean demo;

    public Connections(Map<String, String> env) {
        this.env = env;
    }

    public String kafkaBootstrap() {
        return pick(kafka, "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + demoPort("DEMO_KAFKA_PORT", "19092"))
                .orElseThrow(() -> new OpsException("Kafka not configured: set KAFKA_BOOTSTRAP_SERVERS or --kafka"
                        + " (or --demo for ./run-day.sh)"));
    }

    /** The bootstrap servers with the transport security of the environment (KAFKA_SECURITY_PROTOCOL ...). */
    public KafkaConnection kafka() {
        return KafkaConnection.of(kafkaBootstrap(), env);
    }

    public Database settlementDb() {
        String url = pick(dbUrl, "SETTLEMENT_DB_URL", demoDbUrl("settlement"))
                .orElseThrow(() -> new OpsException("settlement database not configured: set SETTLEMENT_DB_URL"
                        + " (and SETTLEMENT_DB_USER, SETTLEMENT_DB_PASSWORD) or --db-url (or --demo)"));
        return new Database("settlement database", url, pick(dbUser, "SETTLEMENT_DB_USER", "root").orElse(null),
                password(dbPasswordFile, "SETTLEMENT_DB_PASSWORD"));
    }

    /** Empty when the poller's database is not configured (its sections are then skipped). */
    public Optional<Database> pollerDb() {
        return pick(pollerDbUrl, "POLLER_DB_URL", demoDbUrl("kis_poller")).map(url -> new Database("poller database",
                url, pick(pollerDbUser, "POLLER_DB_USER", "root").orElse(null),
                password(pollerDbPasswordFile, "POLLER_DB_PASSWORD")));
    }

    public Optional<String> collectorUrl() {
        return pick(collectorUrl, "COLLECTOR_URL", "http://127.0.0.1:" + demoPort("DEMO_COLLECTOR_PORT", "18080"))
                .map(Connections::trimSlash);
    }

    public Optional<String> gatewayUrl() {
        return pick(gatewayUrl, "GATEWAY_URL", null).map(Connections::trimSlash);
    }

    public Optional<String> pollerUrl() {
        return pick(pollerUrl, "POLLER_URL", null).map(Connections::trimSlash);
    }

    /**
     * The HTTP Basic {@code Authorization} value of the services' management credential (SECURITY.md); empty when none
     * is configured (the day report then answers 401). With --demo and no credential in the environment (as
     * ./run-day.sh decides): user demo, the password ./run-day.sh keeps in .local/demo/management-password.
     */
    public Optional<String> managementAuthorization() {
        Optional<String> user = pick(managementUser, MANAGEMENT_USER_VARIABLE, null)
                .or(() -> demo ? Optional.of("demo") : Optional.empty());
        String password = managementPasswordFile != null ? readPassword(managementPasswordFile)
                : env.get(MANAGEMENT_PASSWORD_VARIABLE) != null ? env.get(MANAGEMENT_PASSWORD_VARIABLE)
                : demo && Files.exists(DEMO_MANAGEMENT_PASSWORD) ? readPassword(DEMO_MANAGEMENT_PASSWORD) : null;
        if (user.isEmpty() || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Basic " + Base64.getEncoder().encodeToString((user.get() + ":" + password)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private Optional<String> pick(String flag, String envName, String demoValue) {
        if (flag != null && !flag.isBlank()) {
            return Optional.of(flag);
        }
        if (demo && demoValue != null) {
            return Optional.of(demoValue);
        }
        return Optional.ofNullable(env.get(envName)).filter(v -> !v.isBlank());
    }

    private String demoDbUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + demoPort("DEMO_DB_PORT", "13306") + "/" + database;
    }

    private String demoPort(String envName, String fallback) {
        String v = env.get(envName);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private String password(Path file, String envName) {
        if (file != null) {
            return readPassword(file);
        }
        return demo ? "" : env.get(envName);
    }

    private static String readPassword(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new OpsException("cannot read the password file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
