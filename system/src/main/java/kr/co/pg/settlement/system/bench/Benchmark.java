package kr.co.pg.settlement.system.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javax.sql.DataSource;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.localstack.KafkaBroker;
import kr.co.pg.settlement.localstack.LocalStack;
import kr.co.pg.settlement.localstack.MariaDbServer;
import kr.co.pg.settlement.system.BusinessDay;
import kr.co.pg.settlement.system.Kickoffs;
import kr.co.pg.settlement.system.SettlementDb;
import kr.co.pg.settlement.system.SystemStack;
import kr.co.pg.settlement.system.demo.DemoDataGenerator;
import kr.co.pg.settlement.system.launch.ServiceHandle;
import kr.co.pg.settlement.system.launch.ServiceLauncher;

/**
 * The benchmark of {@code ./run-day.sh --benchmark=N}: "faster than the batch it replaces". On a fresh stack with each
 * service in a JVM of its own (-Xmx512m; {@code --instances=K}: K of the collector, the gateway and the poller):
 * <ol>
 * <li>untimed: M sub-merchants whose business numbers KIS knows with SMALL..MEDIUM_3 sales, N approvals of the day
 * before the business date (20 % check cards), the registration jobs, and the {@link SqlFloor} on a copy;</li>
 * <li>timed: both settlement jobs kicked off together, the KIS simulator at 0.5 s processing delay, the poller
 * every 1 s; the database polled every 200 ms for "all request rows SENT" and "all settled";</li>
 * <li>the services stopped (peak RSS read just before), peak heaps read from their GC logs; the figures printed as
 * RESULT lines and as one {@code BENCHMARK {json}} line.</li>
 * </ol>
 */
public final class Benchmark {

    static final LocalDate BUSINESS_DATE = LocalDate.of(2025, 2, 17);
    static final Duration KIS_PROCESSING_DELAY = Duration.ofMillis(500);
    static final Duration POLLER_INTERVAL = Duration.ofSeconds(1);
    static final Duration DB_POLL = Duration.ofMillis(200);
    static final int FILE_SIZE = 10_000;
    static final int HEAP_MB = 512;
    private static final String CLIENT_ID = "PG00000001";

    private Benchmark() {
    }

    /**
     * Runs the benchmark; {@code out} gets every line to print, {@code dayReport} renders the collector's day
     * report (the stack: its collector and management credential; business date).
     */
    public static BenchmarkReport run(BenchmarkOptions o, Consumer<String> out,
                                      BiFunction<SystemStack, LocalDate, String> dayReport) throws Exception {
        MariaDbServer db = LocalStack.mariaDb();
        KafkaBroker kafka = LocalStack.kafka();
        String suffix = Long.toHexString(System.nanoTime());
        String settlementDatabase = "bench_settlement_" + suffix;
        String pollerDatabase = "bench_poller_" + suffix;
        db.createDatabase(settlementDatabase);
        db.createDatabase(pollerDatabase);
        Path work = Files.createTempDirectory("settlement-bench");
        Path logs = work.resolve("logs");
        SystemStack.Options options = new SystemStack.Options(kafka.bootstrapServers(), db.host(), db.port(),
                db.username(), db.password(), settlementDatabase, pollerDatabase, work, CLIENT_ID,
                HexFormat.of().formatHex(new SecureRandom().generateSeed(16)), 0, 0, FILE_SIZE, FILE_SIZE,
                KIS_PROCESSING_DELAY.toString(), POLLER_INTERVAL.toString(), Map.of());
        out.accept(String.format("Benchmark: %,d sub-merchants, %,d approvals of %s; %d instance(s) of the collector,"
                        + " the gateway and the poller, each in its own JVM with -Xmx%dm%s (logs and GC logs in %s)",
                o.subMerchants(), o.transactions(), BUSINESS_DATE.minusDays(1), o.instances(), HEAP_MB,
                o.profile() ? ", flight recordings on" : "", logs));
        SettlementDb settlementDb = new SettlementDb(SettlementDb.dataSource(db.host(), db.port(), settlementDatabase,
                db.username(), db.password()));
        try (SystemStack stack = new SystemStack(options, ServiceLauncher.childProcesses(HEAP_MB, logs, o.profile()),
                o.instances());
             Kickoffs kickoffs = new Kickoffs(kafka.bootstrapServers(), "benchmark")) {
            stack.startAll();
            writeDataSet(o, settlementDb, stack.simulatorUrl(), out);
            BusinessDay day = new BusinessDay(kickoffs, settlementDb, out, Duration.ofMinutes(30));
            Duration registration = day.registration(BUSINESS_DATE);
            out.accept("sub-merchants by status and tier: " + settlementDb.dump(
                    "SELECT kis_reg_status, fee_tier, COUNT(*) FROM sub_merchant GROUP BY 1, 2 ORDER BY 1, 2"));

            SqlFloor.Result floor = floor(db, settlementDatabase, suffix, settlementDb, out);
            out.accept(String.format("SQL floor: %,d rows, collect %.1f s, send %.1f s, settle %.1f s", floor.rows(),
                    floor.collectSeconds(), floor.sendSeconds(), floor.settleSeconds()));

            long deadlocksBefore = deadlocks(settlementDb.dataSource());
            BusinessDay.TogetherTimings timings = day.settleTogether(BUSINESS_DATE, DB_POLL);
            long deadlocks = deadlocks(settlementDb.dataSource()) - deadlocksBefore;
            if (deadlocks > 0) {
                out.accept(latestDeadlock(settlementDb.dataSource()));
            }

            Map<String, Long> statuses = settlementDb.transactionsByStatus();
            out.accept(dayReport.apply(stack, BUSINESS_DATE));
            Map<String, List<ServiceHandle>> services = stack.services();
            stack.close(); // reads each child's peak RSS just before stopping it; completes the GC logs
            List<BenchmarkReport.Memory> memory = new ArrayList<>();
            services.forEach((service, handles) -> handles.forEach(h -> memory.add(new BenchmarkReport.Memory(
                    service, h.name(), h.peakHeapBytes(), h.peakRssBytes()))));
            BenchmarkReport report = new BenchmarkReport(o.transactions(), o.subMerchants(), o.instances(),
                    KIS_PROCESSING_DELAY, POLLER_INTERVAL, registration, timings.allSent(), timings.allSettled(), floor,
                    statuses.getOrDefault("SETTLED", 0L) + statuses.getOrDefault("REJECTED", 0L), deadlocks, statuses,
                    memory);
            out.accept("");
            report.toText().forEach(out);
            services.values().forEach(handles -> handles.forEach(h -> h.flightRecording().ifPresent(
                    jfr -> out.accept("RESULT flight recording " + h.name() + ": " + jfr))));
            out.accept(report.toJsonLine());
            return report;
        }
    }

    /** M sub-merchants known to KIS with preferential sales, N approvals of the day before the business date. */
    private static void writeDataSet(BenchmarkOptions o, SettlementDb db, String simulatorUrl, Consumer<String> out)
            throws Exception {
        DemoDataGenerator generator = new DemoDataGenerator(db.dataSource(), 42L);
        List<String> ids = new ArrayList<>(o.subMerchants());
        Map<String, Long> sales = new LinkedHashMap<>();
        Random random = new Random(42L);
        for (DemoDataGenerator.SubMerchant s : generator.insertSubMerchants("BM", 1, o.subMerchants(), false)) {
            ids.add(s.id());
            sales.put(s.businessNo(), preferentialAnnualSales(random));
        }
        seedRegistry(simulatorUrl, sales);
        generator.insertApprovals(ids, "B", 0, o.transactions(), BUSINESS_DATE.minusDays(1), o.checkCardPercent());
        out.accept("data set written");
    }

    /** Annual sales in one of the four preferential bands (KIS: up to 300M SMALL, 500M, 1,000M, 3,000M MEDIUM_1..3). */
    static long preferentialAnnualSales(Random random) {
        long[] upper = {300_000_000L, 500_000_000L, 1_000_000_000L, 3_000_000_000L};
        long[] lower = {10_000_000L, 300_000_001L, 500_000_001L, 1_000_000_001L};
        int band = random.nextInt(4);
        return lower[band] + (long) (random.nextDouble() * (upper[band] - lower[band]));
    }

    /** Tells the simulator (KIS's tax-office view) each business number's annual sales: its tier at registration. */
    private static void seedRegistry(String simulatorUrl, Map<String, Long> sales) throws Exception {
        // in parts: the simulator's admin endpoint takes bodies of a limited size (it adds to the registry)
        List<Map.Entry<String, Long>> entries = new ArrayList<>(sales.entrySet());
        HttpClient http = HttpClient.newHttpClient();
        for (int from = 0; from < entries.size(); from += 2_000) {
            Map<String, Long> part = new LinkedHashMap<>();
            entries.subList(from, Math.min(entries.size(), from + 2_000)).forEach(e -> part.put(e.getKey(), e.getValue()));
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(simulatorUrl + "/sim/registry"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.mapper().writeValueAsBytes(part))).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the simulator refused the annual sales registry: HTTP " + r.statusCode());
            }
        }
    }

    private static SqlFloor.Result floor(MariaDbServer db, String settlementDatabase, String suffix, SettlementDb settlementDb,
                                         Consumer<String> out) throws SQLException {
        String floorDatabase = "bench_floor_" + suffix;
        db.createDatabase(floorDatabase);
        try {
            return SqlFloor.measure(SettlementDb.dataSource(db.host(), db.port(), floorDatabase, db.username(),
                    db.password()), settlementDatabase, BUSINESS_DATE, FILE_SIZE, out);
        } finally {
            db.dropDatabase(floorDatabase);
        }
    }

    /** The "LATEST DETECTED DEADLOCK" section of SHOW ENGINE INNODB STATUS: which statements and locks. */
    static String latestDeadlock(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW ENGINE INNODB STATUS")) {
            String status = rs.next() ? rs.getString("Status") : "";
            int from = status.indexOf("LATEST DETECTED DEADLOCK");
            if (from < 0) {
                return "no deadlock in SHOW ENGINE INNODB STATUS";
            }
            int to = status.indexOf("\nTRANSACTIONS\n", from);
            return status.substring(from, to < 0 ? Math.min(status.length(), from + 8000) : to);
        }
    }

    /** Innodb_deadlocks of the whole server (SHOW GLOBAL STATUS): the benchmark owns the server. */
    static long deadlocks(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'")) {
            return rs.next() ? rs.getLong(2) : -1;
        }
    }
}
