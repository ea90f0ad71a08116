package kr.co.pg.settlement.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import kr.co.pg.settlement.collector.application.DayReport;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.localstack.KafkaBroker;
import kr.co.pg.settlement.localstack.LocalStack;
import kr.co.pg.settlement.localstack.MariaDbServer;
import kr.co.pg.settlement.localstack.PersistentStack;
import kr.co.pg.settlement.system.bench.Benchmark;
import kr.co.pg.settlement.system.bench.BenchmarkOptions;
import kr.co.pg.settlement.system.demo.DemoDataGenerator;
import kr.co.pg.settlement.system.launch.ManagementAccess;
import kr.co.pg.settlement.system.launch.ServiceLauncher;

/**
 * The run command. Without arguments: the demo. Starts MariaDB and Kafka (data kept in .local/demo), the KIS
 * simulator and the services; creates a demo data set on the first run (or the next day's data on later
 * runs); drives the four jobs by kick-off messages; prints the day report and where everything listens;
 * runs until Ctrl-C. {@code --infra-only}: MariaDB and Kafka of the demo without any service (for
 * {@code settlement replay --execute}, which refuses while a group has members).
 * <p>
 * {@code --benchmark=N [--sub-merchants=M] [--instances=K] [--profile]}: the benchmark ({@link Benchmark}): a fresh
 * stack with each service in its own JVM, N approvals, M sub-merchants; prints the timings, the SQL floor, the peaks
 * of heap and resident memory and one {@code BENCHMARK {json}} line; then exits.
 */
public final class RunDay {

    static final LocalDate FIRST_DEMO_DATE = LocalDate.of(2025, 2, 17);
    private static final String CLIENT_ID = "PG00000001";
    /** In the demo's data directory; ops-cli --demo reads the same file. */
    static final String MANAGEMENT_PASSWORD_FILE = "management-password";

    public static void main(String[] args) throws Exception {
        Map<String, String> a = parse(args);
        if (a.containsKey("benchmark")) {
            try {
                Benchmark.run(BenchmarkOptions.parse(a), RunDay::say, RunDay::fetchReport);
            } catch (Exception | Error e) {
                // Kafka's and MariaDB's threads would keep this JVM (and, through it, the children) alive
                e.printStackTrace();
                System.exit(1);
            }
            System.exit(0);
        } else {
            demo(Path.of(a.getOrDefault("data-dir", ".local/demo")), a.containsKey("exit"), a.containsKey("infra-only"));
        }
    }

    private static void demo(Path dataDir, boolean exitAfterReport, boolean infraOnly) throws Exception {
        say("Starting MariaDB and Kafka (data kept in " + dataDir.toAbsolutePath() + ") ...");
        PersistentStack infra = LocalStack.startPersistent(dataDir.resolve("infra"),
                Integer.parseInt(env("DEMO_DB_PORT", "13306")), Integer.parseInt(env("DEMO_KAFKA_PORT", "19092")));
        MariaDbServer db = infra.mariaDb();
        KafkaBroker kafka = infra.kafka();
        db.createDatabase("settlement");
        db.createDatabase("kis_poller");
        if (infraOnly) {
            // no consumer is in any group: settlement replay --execute may move them; the next run consumes from there
            CountDownLatch stopped = new CountDownLatch(1);
            infra.closeFirst(stopped::countDown);
            say("MariaDB " + db.host() + ":" + db.port() + " and Kafka " + kafka.bootstrapServers() + " run without the"
                    + " services (./settlement ... --demo works, replay --execute included). Press Ctrl-C to stop; the"
                    + " next ./run-day.sh starts the services, which consume from where the groups are.");
            stopped.await();
            return;
        }
        SystemStack.Options options = new SystemStack.Options(kafka.bootstrapServers(), db.host(), db.port(),
                db.username(), db.password(), "settlement", "kis_poller", dataDir.resolve("services"), CLIENT_ID,
                kisSecret(dataDir), Integer.parseInt(env("DEMO_KIS_PORT", "18090")),
                Integer.parseInt(env("DEMO_COLLECTOR_PORT", "18080")), 1000, 5000, "PT2S", "PT1S", Map.of(
                        "kis-gateway-service", Map.of("settlement.gateway.retry.max-interval", "5s"),
                        "status-poller-service", Map.of("settlement.poller.max-backoff", "10s")));
        ManagementAccess management = managementAccess(dataDir);
        SystemStack stack = new SystemStack(options, ServiceLauncher.inProcess(), 1, management);
        CountDownLatch stopped = new CountDownLatch(1);
        // one exit hook (the stack's) stops the services before Kafka and MariaDB, so consumers leave their groups
        infra.closeFirst(stopped::countDown);
        infra.closeFirst(stack);
        infra.closeFirst(() -> say("Stopping the services, Kafka and MariaDB ..."));
        say("Starting the KIS simulator and the services ...");
        stack.startAll();
        printEndpoints(stack, db, kafka);
        say("  HTTP Basic user  " + management.user() + " (day report, metrics; health and probes are open), password in "
                + (System.getenv(ManagementAccess.PASSWORD_VARIABLE) != null ? ManagementAccess.PASSWORD_VARIABLE
                : dataDir.resolve(MANAGEMENT_PASSWORD_FILE).toString()));

        SettlementDb settlementDb = new SettlementDb(SettlementDb.dataSource(db.host(), db.port(), "settlement",
                db.username(), db.password()));
        LocalDate businessDate = prepareDemoData(settlementDb);
        try (Kickoffs kickoffs = new Kickoffs(kafka.bootstrapServers(), "demo")) {
            new BusinessDay(kickoffs, settlementDb, RunDay::say, Duration.ofMinutes(10)).run(businessDate);
        }
        say("");
        say(fetchReport(stack, businessDate));
        if (exitAfterReport) {
            System.exit(0);
        }
        say("The system keeps running (report: curl -u " + management.user() + ":\"$(cat "
                + dataDir.resolve(MANAGEMENT_PASSWORD_FILE) + ")\" " + stack.collectorUrl() + "/api/reports/day/"
                + businessDate + "). Press Ctrl-C to stop; the next run continues with the next business day.");
        stopped.await();
    }

    /** First run: the base data set; later runs: the next business day's new data. */
    private static LocalDate prepareDemoData(SettlementDb db) throws Exception {
        LocalDate last = db.lastBusinessDate().orElse(null);
        DemoDataGenerator generator = new DemoDataGenerator(db.dataSource(),
                last == null ? 20250217L : last.toEpochDay());
        LocalDate businessDate;
        if (last == null) {
            businessDate = FIRST_DEMO_DATE;
            say("First run: creating 300 sub-merchants and 30,000 transactions of " + businessDate.minusDays(7)
                    + " .. " + businessDate.minusDays(1) + " (around the 2025-02-14 rate change)");
            List<String> ids = ids(generator.insertSubMerchants("SM" + day(businessDate), 1, 300, true));
            generator.insertTransactions(ids, "T" + day(businessDate), 0, 30_000, businessDate.minusDays(7), businessDate);
        } else {
            businessDate = last.plusDays(1);
            say("Continuing from the kept data: business date " + businessDate + "; adding 20 sub-merchants, "
                    + "a few changed and closed ones, and 8,000 transactions of " + last);
            List<String> fresh = ids(generator.insertSubMerchants("SM" + day(businessDate), 1, 20, false));
            db.count("SELECT 0"); // connection check
            try (var c = db.dataSource().getConnection(); var s = c.createStatement()) {
                s.executeUpdate("UPDATE sub_merchant SET kis_reg_status = 'CHANGED', phone = '0212345678'"
                        + " WHERE kis_reg_status = 'REGISTERED' ORDER BY sub_merchant_id LIMIT 5");
                s.executeUpdate("UPDATE sub_merchant SET kis_reg_status = 'CLOSE_PENDING', closed_on = '"
                        + last + "' WHERE kis_reg_status = 'REGISTERED' ORDER BY sub_merchant_id DESC LIMIT 1");
            }
            List<String> all = new java.util.ArrayList<>(fresh);
            all.addAll(db.dump("SELECT sub_merchant_id FROM sub_merchant WHERE kis_reg_status = 'REGISTERED'"));
            generator.insertTransactions(all, "T" + day(businessDate), 0, 8_000, last, businessDate);
        }
        return businessDate;
    }

    private static String fetchReport(SystemStack stack, LocalDate businessDate) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(stack.collectorUrl() + "/api/reports/day/" + businessDate))
                            .header("Authorization", stack.management().authorization()).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                return "day report unavailable: HTTP " + r.statusCode() + " " + r.body();
            }
            return EventJson.mapper().readValue(r.body(), DayReport.class).toText();
        } catch (IOException e) {
            return "day report unavailable: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static void printEndpoints(SystemStack stack, MariaDbServer db, KafkaBroker kafka) {
        say("Listening:");
        say("  MariaDB          " + db.host() + ":" + db.port() + " (databases settlement, kis_poller; user "
                + db.username() + ")");
        say("  Kafka            " + kafka.bootstrapServers());
        say("  KIS simulator    " + stack.simulatorUrl() + "  (received files: /sim/files)");
        say("  collector        " + stack.collectorUrl() + "  (day report: /api/reports/day/{date})");
        say("  gateway          http://127.0.0.1:" + stack.gateway().port() + "/actuator/health");
        say("  poller           http://127.0.0.1:" + stack.poller().port() + "/actuator/health");
    }

    /**
     * The demo services' management credential (day report, metrics): SETTLEMENT_MANAGEMENT_USER/PASSWORD, else user
     * {@code demo} with a password generated once and kept with the demo's data (ops-cli {@code --demo} reads it there).
     */
    private static ManagementAccess managementAccess(Path dataDir) throws IOException {
        if (System.getenv(ManagementAccess.USER_VARIABLE) != null && System.getenv(ManagementAccess.PASSWORD_VARIABLE) != null) {
            return ManagementAccess.fromEnvironmentOrRandom(System.getenv());
        }
        Path file = dataDir.resolve(MANAGEMENT_PASSWORD_FILE);
        if (!Files.exists(file)) {
            Files.createDirectories(dataDir);
            Files.writeString(file, ManagementAccess.randomPassword());
        }
        return new ManagementAccess("demo", Files.readString(file).trim());
    }

    /** The demo's KIS HMAC key: from KIS_SECRET, else generated once and kept with the demo's data. */
    private static String kisSecret(Path dataDir) throws IOException {
        String fromEnv = System.getenv("KIS_SECRET");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        Path file = dataDir.resolve("kis-secret");
        if (!Files.exists(file)) {
            Files.createDirectories(dataDir);
            Files.writeString(file, HexFormat.of().formatHex(new SecureRandom().generateSeed(32)));
        }
        return Files.readString(file).trim();
    }

    private static List<String> ids(List<DemoDataGenerator.SubMerchant> subMerchants) {
        return subMerchants.stream().map(DemoDataGenerator.SubMerchant::id).toList();
    }

    private static String day(LocalDate date) {
        return date.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; use --benchmark=N [--sub-merchants=M]"
                        + " [--instances=K] [--profile],"
                        + " --data-dir=DIR, --exit, --infra-only");
            }
            int eq = arg.indexOf('=');
            m.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "" : arg.substring(eq + 1));
        }
        return m;
    }

    static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
