package kr.co.pg.settlement.system.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import kr.co.pg.settlement.events.ConsumerGroups;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.system.SettlementDb;
import kr.co.pg.settlement.system.demo.DemoDataGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * "Survive anything": a business day of {@value #ROWS} transactions (and {@value #NEW_SUB_MERCHANTS} new
 * sub-merchants to register) per scenario, every service a process of its own on a real broker process and a real
 * mariadbd, each scenario with one fault: kill -9 of a service at a point of the day and a restart, the broker or
 * the database killed and started again, KIS misbehaving. One stack is shared; each scenario has its own business
 * date and data. After each: every row terminal, each transaction in exactly one accepted file at KIS, each
 * registration once, expected = settled, nothing stuck, no dead letter. One table line per scenario.
 * <p>
 * Tagged {@code faults}: not part of the default build; {@code ./mvnw -B -pl system -Pfaults verify} runs it.
 */
@Tag("faults")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {

    static final int ROWS = 20_000;
    static final int FILE_SIZE = 1_000;
    static final int POOL = 300;
    static final int NEW_SUB_MERCHANTS = 10;
    static final LocalDate SETUP_DATE = LocalDate.of(2025, 3, 3);
    static final Duration DAY_TIMEOUT = Duration.ofMinutes(4);
    static final Duration STORM = Duration.ofSeconds(15);

    static FaultSystem infra;
    static FaultSystem.Stack stack;
    static final List<String> table = new ArrayList<>();
    static final Map<String, Double> secondsByScenario = new LinkedHashMap<>();

    /** What a fault did at its moment of the day, for the table. */
    interface Fault {
        String inject(Day day) throws Exception;
    }

    @BeforeAll
    static void start() throws Exception {
        infra = new FaultSystem();
        stack = setUp(infra.new Stack("one", 1));
        table.add(String.format("FAULT | %-46s | %7s | %6s | %-18s | %8s | %10s | %3s | %11s | %s", "fault", "seconds",
                "rows", "settled/rej/other", "dup @KIS", "re-uploads", "DLT", "stale files", "what the fault met"));
    }

    /** The pool of sub-merchants every day's transactions belong to, registered with KIS on the setup date. */
    static FaultSystem.Stack setUp(FaultSystem.Stack s) throws Exception {
        DemoDataGenerator generator = new DemoDataGenerator(s.db.dataSource(), 4242L);
        Map<String, Long> sales = new LinkedHashMap<>();
        Random random = new Random(4242L);
        for (DemoDataGenerator.SubMerchant m : generator.insertSubMerchants("POOL", 1, POOL, false)) {
            sales.put(m.businessNo(), preferentialSales(random));
        }
        s.simulator.annualSales(sales);
        String request = s.kickoffs.send(Job.SUBMERCHANT_REGISTRATION_REQUEST, SETUP_DATE);
        FaultSystem.awaitTrue("pool registration collected", DAY_TIMEOUT,
                () -> s.db.jobRunStatus(request).filter("DONE"::equals).isPresent());
        s.kickoffs.send(Job.SUBMERCHANT_REGISTRATION_RESULT, SETUP_DATE);
        FaultSystem.awaitTrue("pool registered", DAY_TIMEOUT, () -> s.db.count(
                "SELECT COUNT(*) FROM sub_merchant WHERE kis_reg_status <> 'REGISTERED'") == 0);
        return s;
    }

    static long preferentialSales(Random random) {
        long[] upper = {300_000_000L, 500_000_000L, 1_000_000_000L, 3_000_000_000L};
        long[] lower = {10_000_000L, 300_000_001L, 500_000_001L, 1_000_000_001L};
        int band = random.nextInt(4);
        return lower[band] + (long) (random.nextDouble() * (upper[band] - lower[band]));
    }

    @BeforeEach
    void servicesUp() {
        stack.ensureRunning();
        stack.proxy.loseAnswers(false);
        stack.simulator.resetFaults();
    }

    @AfterAll
    static void stop() {
        table.forEach(System.out::println);
        if (stack != null) {
            stack.close();
        }
        if (infra != null) {
            infra.close();
        }
    }

    // ---------------------------------------------------------------- scenarios

    @Test
    @Order(1)
    void noFault() throws Exception {
        Day day = runDay(1, "none (baseline)", d -> "-");
        secondsByScenario.put("one instance", day.seconds);
    }

    @Test
    @Order(2)
    void collectorKilledMidCollection() throws Exception {
        runDay(2, "kill -9 collector mid-collection", d -> {
            FaultSystem.awaitTrue("collection started", DAY_TIMEOUT, () -> d.rowsIn("'COLLECTED','SENT'") > 0
                    || d.db().count("SELECT COUNT(*) FROM job_slice WHERE kickoff_id = ? AND status = 'DONE'",
                    d.settlementKickoff) > 0);
            String seen = d.progress();
            stack.system.killCollector();
            stack.system.startCollector();
            return "killed at " + seen;
        });
    }

    @Test
    @Order(3)
    void collectorKilledBetweenOutboxCommitAndRelay() throws Exception {
        runDay(3, "kill -9 collector after kick-off commit", d -> {
            // the kick-off's transaction wrote the job_run row and its slice events to the outbox together
            FaultSystem.awaitTrue("kick-off committed", DAY_TIMEOUT, () -> d.db().jobRunStatus(d.settlementKickoff).isPresent());
            String seen = d.progress();
            stack.system.killCollector();
            stack.system.startCollector();
            return "killed at " + seen;
        });
    }

    @Test
    @Order(4)
    void gatewayKilledMidUpload() throws Exception {
        runDay(4, "kill -9 gateway mid-upload", d -> {
            stack.simulator.setFaults("{\"latencyMillis\": 400}"); // each upload takes longer: a wider window
            FaultSystem.awaitTrue("first S1 file accepted", DAY_TIMEOUT, () -> d.filesAtKis("S1") > 0);
            String seen = d.progress();
            stack.system.killGateway();
            stack.simulator.resetFaults();
            stack.system.startGateway();
            return "killed at " + seen;
        });
    }

    @Test
    @Order(5)
    void gatewayKilledAfterKisAcceptedBeforeFileSubmitted() throws Exception {
        runDay(5, "kill -9 gateway: KIS accepted, no FileSubmitted", d -> {
            stack.proxy.loseAnswers(true); // KIS accepts, its answers never reach the gateway
            FaultSystem.awaitTrue("S1 files accepted by KIS", DAY_TIMEOUT, () -> d.filesAtKis("S1") >= 2);
            String seen = d.progress();
            stack.system.killGateway();
            stack.proxy.loseAnswers(false);
            stack.system.startGateway();
            return "killed at " + seen;
        });
    }

    @Test
    @Order(6)
    void pollerKilledMidPoll() throws Exception {
        runDay(6, "kill -9 poller mid-poll", d -> {
            FaultSystem.awaitTrue("first results applied", DAY_TIMEOUT, () -> d.rowsIn("'SETTLED','REJECTED'") > 0);
            String seen = d.progress();
            stack.system.killPoller();
            stack.system.startPoller();
            return "killed at " + seen;
        });
    }

    @Test
    @Order(7)
    void collectorKilledMidApplyOfResults() throws Exception {
        runDay(7, "kill -9 collector mid-apply of results", d -> {
            FaultSystem.awaitTrue("first results applied", DAY_TIMEOUT, () -> d.rowsIn("'SETTLED','REJECTED'") > 0);
            String seen = d.progress();
            stack.system.killCollector();
            stack.system.startCollector();
            return "killed at " + seen;
        });
    }

    @Test
    @Order(8)
    void brokerKilledAndRestartedMidDay() throws Exception {
        runDay(8, "kill -9 Kafka broker, restart", d -> {
            FaultSystem.awaitTrue("first S1 file accepted", DAY_TIMEOUT, () -> d.filesAtKis("S1") > 0);
            String seen = d.progress();
            long down = System.nanoTime();
            infra.broker.kill();
            FaultSystem.pause(Duration.ofSeconds(5));
            infra.broker.start();
            return String.format("killed at %s; broker back after %.1f s", seen, (System.nanoTime() - down) / 1e9);
        });
    }

    @Test
    @Order(9)
    void mariaDbKilledAndRestartedMidDay() throws Exception {
        runDay(9, "kill -9 mariadbd, restart", d -> {
            FaultSystem.awaitTrue("collection started", DAY_TIMEOUT, () -> d.rowsIn("'COLLECTED','SENT'") > 0);
            String seen = d.progress();
            Duration down = infra.mariaDbRestarts.killAndRestart(Duration.ofSeconds(5));
            return String.format("killed at %s; accepting again after %.1f s", seen, down.toMillis() / 1000.0);
        });
    }

    @Test
    @Order(10)
    void kisAnswers503ForAWhile() throws Exception {
        runDay(10, "KIS 503 storm " + STORM.toSeconds() + " s", d -> {
            stack.simulator.setFaults("{\"unavailableShare\": 1.0}");
            FaultSystem.pause(STORM);
            String seen = d.progress();
            stack.simulator.resetFaults();
            return "storm ended at " + seen;
        });
    }

    @Test
    @Order(11)
    void kisAnswersLostAfterAcceptance() throws Exception {
        runDay(11, "KIS accepts, answers lost (timeouts) 15 s", d -> {
            stack.proxy.loseAnswers(true);
            FaultSystem.pause(Duration.ofSeconds(15));
            String seen = d.progress();
            stack.proxy.loseAnswers(false);
            return "answers back at " + seen;
        });
    }

    @Test
    @Order(12)
    void kisRateLimits() throws Exception {
        runDay(12, "KIS 429 above 2 req/s, Retry-After 2", d -> {
            stack.simulator.setFaults("{\"rateLimitPerSecond\": 2, \"retryAfterSeconds\": 2}");
            d.afterDay = () -> stack.simulator.resetFaults();
            return "for the whole day";
        });
    }

    @Test
    @Order(13)
    void kisServesCorruptResultFiles() throws Exception {
        runDay(13, "KIS corrupt result files (2 downloads each)", d -> {
            // fixed per receipt at upload: in force for every file of the day
            stack.simulator.setFaults("{\"corruptedResultShare\": 1.0, \"corruptedDownloads\": 2}");
            d.afterDay = () -> stack.simulator.resetFaults();
            return "every result file";
        });
    }

    @Test
    @Order(14)
    void kisResultsLaterThanTheNextKickoff() throws Exception {
        runDay(14, "KIS results 12 s late, past the next kick-off", d -> {
            stack.simulator.setFaults("{\"delayedResultShare\": 1.0, \"resultDelayMillis\": 12000}");
            FaultSystem.awaitTrue("every request row sent", DAY_TIMEOUT, () -> d.rowsIn("'COLLECTED'") == 0
                    && d.db().jobRunStatus(d.settlementKickoff).filter("DONE"::equals).isPresent()
                    && d.rowsIn("'NONE'") == 0);
            stack.simulator.resetFaults();
            stack.kickoffs.send(Job.DIFF_SETTLEMENT_RESULT, d.date);
            FaultSystem.awaitTrue("the next result kick-off consumed", DAY_TIMEOUT,
                    () -> infra.caughtUp(ConsumerGroups.POLLER, Topics.KICKOFF));
            long sent = d.rowsIn("'SENT'");
            assertThat(sent).as("rows still SENT when the next result kick-off has run").isPositive();
            return "next kick-off ran with " + sent + " rows SENT";
        });
    }

    /** Two of every service at once, configured as replicas: the baseline day again on fresh databases and KIS. */
    @Test
    @Order(15)
    void twoInstancesOfEveryServiceReachTheSameState() throws Exception {
        List<String> one = stack.db.dump(Day.FINGERPRINT.formatted(Day.prefix(1)));
        List<String> oneRegistrations = stack.db.dump(Day.REGISTRATIONS.formatted(Day.prefix(1)));
        stack.close();
        stack = null;
        try (FaultSystem.Stack two = setUp(infra.new Stack("two", 2))) {
            FaultSystem.Stack previous = stack;
            stack = two;
            try {
                Day day = runDay(1, "none, 2 instances of each service", d -> "-");
                secondsByScenario.put("two instances", day.seconds);
                assertThat(two.db.dump(Day.FINGERPRINT.formatted(Day.prefix(1)))).isEqualTo(one);
                assertThat(two.db.dump(Day.REGISTRATIONS.formatted(Day.prefix(1)))).isEqualTo(oneRegistrations);
            } finally {
                stack = previous;
            }
        }
        double s1 = secondsByScenario.get("one instance");
        double s2 = secondsByScenario.get("two instances");
        table.add(String.format("THROUGHPUT | 1 instance: %.1f s, %.0f rows/s | 2 instances: %.1f s, %.0f rows/s",
                s1, ROWS / s1, s2, ROWS / s2));
    }

    // ---------------------------------------------------------------- the day

    static Day runDay(int number, String fault, Fault injection) throws Exception {
        Day day = new Day(number, stack);
        day.prepare();
        long dltBefore = infra.deadLetters();
        long start = System.nanoTime();
        day.registrationKickoff = stack.kickoffs.send(Job.SUBMERCHANT_REGISTRATION_REQUEST, day.date);
        day.settlementKickoff = stack.kickoffs.send(Job.DIFF_SETTLEMENT_REQUEST, day.date);
        stack.kickoffs.send(Job.SUBMERCHANT_REGISTRATION_RESULT, day.date);
        stack.kickoffs.send(Job.DIFF_SETTLEMENT_RESULT, day.date);
        String note;
        try {
            note = injection.inject(day);
            day.awaitFinished();
        } finally {
            if (day.afterDay != null) {
                day.afterDay.run();
            }
        }
        day.seconds = (System.nanoTime() - start) / 1e9;
        long dlt = infra.deadLetters() - dltBefore;
        Day.Check check = day.check();
        table.add(String.format("FAULT | %-46s | %7.1f | %6d | %-18s | %8d | %10d | %3d | %11d | %s", fault,
                day.seconds, check.rows(), check.statuses(), check.duplicatesAtKis(), check.reUploads(), dlt,
                check.staleSubmitted().size(), note));
        System.out.println(table.get(table.size() - 1));
        check.assertHealthy();
        assertThat(dlt).as("dead letters of a day without poison input").isZero();
        return day;
    }

    static final class Day {
        static final String FINGERPRINT = "SELECT transaction_id, diff_status, diff_result_code, diff_expected_amount,"
                + " diff_settled_amount, diff_payout_date FROM payment_transaction WHERE transaction_id LIKE '%s%%'"
                + " ORDER BY transaction_id";
        static final String REGISTRATIONS = "SELECT sub_merchant_id, kis_reg_status, kis_reg_result_code, fee_tier,"
                + " tier_valid_from, tier_valid_to, kis_sub_merchant_no FROM sub_merchant WHERE sub_merchant_id LIKE 'POOL%%'"
                + " OR sub_merchant_id LIKE '%sN%%' ORDER BY sub_merchant_id";

        final int number;
        final LocalDate date;
        final FaultSystem.Stack on;
        final String prefix;
        String registrationKickoff;
        String settlementKickoff;
        Runnable afterDay;
        double seconds;
        private final List<String> newSubMerchants = new ArrayList<>();

        Day(int number, FaultSystem.Stack on) {
            this.number = number;
            this.date = SETUP_DATE.plusDays(number);
            this.on = on;
            this.prefix = prefix(number);
        }

        static String prefix(int number) {
            return String.format("FD%02d", number);
        }

        SettlementDb db() {
            return on.db;
        }

        /** {@value #NEW_SUB_MERCHANTS} new sub-merchants and {@value #ROWS} approvals of the day before. */
        void prepare() throws Exception {
            DemoDataGenerator generator = new DemoDataGenerator(on.db.dataSource(), 1000L + number);
            Map<String, Long> sales = new LinkedHashMap<>();
            Random random = new Random(1000L + number);
            for (DemoDataGenerator.SubMerchant m : generator.insertSubMerchants(prefix + "N", 1, NEW_SUB_MERCHANTS, false)) {
                sales.put(m.businessNo(), preferentialSales(random));
                newSubMerchants.add(m.id());
            }
            on.simulator.annualSales(sales);
            List<String> pool = on.db.dump("SELECT sub_merchant_id FROM sub_merchant WHERE sub_merchant_id LIKE 'POOL%'"
                    + " ORDER BY 1");
            generator.insertApprovals(pool, prefix, 0, ROWS, date.minusDays(1), 20);
        }

        long rowsIn(String statuses) {
            return on.db.count("SELECT COUNT(*) FROM payment_transaction WHERE transaction_id LIKE ? AND diff_status IN ("
                    + statuses + ")", prefix + "%");
        }

        /** Files of the day KIS accepted. */
        long filesAtKis(String type) {
            Set<String> ids = filesOfTheDay(type);
            return on.simulator.files().stream().filter(f -> ids.contains(String.valueOf(f.get("idempotencyKey")))).count();
        }

        Set<String> filesOfTheDay(String type) {
            return new TreeSet<>(on.db.dump("SELECT file_id FROM kis_file WHERE business_date = '" + date
                    + "' AND file_type = '" + type + "'"));
        }

        String progress() {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            on.db.dump("SELECT diff_status, COUNT(*) FROM payment_transaction WHERE transaction_id LIKE '" + prefix
                    + "%' GROUP BY 1 ORDER BY 1").forEach(r -> byStatus.put(r.split("\\|")[0], Long.parseLong(r.split("\\|")[1])));
            Set<String> files = filesOfTheDay("S1");
            long atKis = on.simulator.files().stream().filter(f -> files.contains(String.valueOf(f.get("idempotencyKey"))))
                    .count();
            List<String> slices = on.db.dump("SELECT COUNT(*), COALESCE(SUM(status = 'DONE'), 0) FROM job_slice"
                    + " WHERE kickoff_id = '" + settlementKickoff + "'");
            String job = on.db.jobRunStatus(settlementKickoff).orElse("no job_run");
            return "job " + job + ", slices done " + slices.get(0).split("\\|")[1] + "/" + slices.get(0).split("\\|")[0]
                    + ", rows " + byStatus + ", S1 files " + files.size() + " created/" + atKis + " at KIS";
        }

        void awaitFinished() {
            FaultSystem.awaitTrue("day " + date + " finished (rows " + prefix + "*)", DAY_TIMEOUT, () ->
                    on.db.jobRunStatus(settlementKickoff).filter("DONE"::equals).isPresent()
                            && on.db.jobRunStatus(registrationKickoff).filter("DONE"::equals).isPresent()
                            && rowsIn("'NONE','COLLECTED','SENT'") == 0
                            && on.db.count("SELECT COUNT(*) FROM sub_merchant WHERE kis_reg_status <> 'REGISTERED'") == 0);
        }

        record Check(long rows, String statuses, long terminal, long sentRows, long requestRows, Map<String, Integer> atKis,
                     int duplicatesAtKis, int reUploads, long settledExpected, long settledActual, long breaks,
                     Map<String, Integer> registrations, List<String> filesNotDone, List<String> staleSubmitted,
                     List<String> missingUploads) {

            void assertHealthy() {
                assertThat(rows).as("rows of the day").isEqualTo(ROWS);
                assertThat(terminal).as("rows terminal (SETTLED, REJECTED, NOT_ELIGIBLE)").isEqualTo(ROWS);
                assertThat(requestRows).as("one settlement_request row per sent transaction").isEqualTo(sentRows);
                assertThat(atKis).as("each sent transaction in exactly one accepted file at KIS")
                        .hasSize((int) sentRows).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
                assertThat(duplicatesAtKis).isZero();
                assertThat(settledActual).as("settled sum").isEqualTo(settledExpected);
                assertThat(breaks).as("reconciliation breaks").isZero();
                assertThat(registrations).as("each sub-merchant registered at KIS once")
                        .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
                assertThat(filesNotDone).as("files of the day neither RESULT_RECEIVED nor SUBMITTED").isEmpty();
                // results that overtook their file's FileSubmitted used to leave it SUBMITTED (docs/reliability.md,
                // "Fault suite", F1)
                assertThat(staleSubmitted).as("files of the day left SUBMITTED after their results").isEmpty();
                assertThat(missingUploads).as("files of the day the proxy never saw uploaded").isEmpty();
            }
        }

        Check check() {
            SettlementDb db = on.db;
            String like = prefix + "%";
            long rows = db.count("SELECT COUNT(*) FROM payment_transaction WHERE transaction_id LIKE ?", like);
            long settled = rowsIn("'SETTLED'");
            long rejected = rowsIn("'REJECTED'");
            long terminal = rowsIn("'SETTLED','REJECTED','NOT_ELIGIBLE'");
            String statuses = settled + "/" + rejected + "/" + (rows - settled - rejected);
            // REJECTED by KIS (E-codes) were sent; a local rejection (L-codes) never is
            long sentRows = db.count("SELECT COUNT(*) FROM payment_transaction WHERE transaction_id LIKE ?"
                    + " AND (diff_status = 'SETTLED' OR (diff_status = 'REJECTED' AND diff_result_code NOT LIKE 'L%'))", like);
            long requestRows = db.count("SELECT COUNT(*) FROM settlement_request WHERE transaction_id LIKE ?", like);
            Map<String, Integer> atKis = on.simulator.receivedCounts("S1").entrySet().stream()
                    .filter(e -> e.getKey().startsWith(prefix))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            int duplicates = (int) atKis.values().stream().filter(n -> n > 1).count();
            Map<String, Integer> uploads = on.proxy.uploadsByFileId();
            Set<String> files = new TreeSet<>(filesOfTheDay("S1"));
            files.addAll(filesOfTheDay("R1"));
            int reUploads = files.stream().mapToInt(f -> Math.max(0, uploads.getOrDefault(f, 0) - 1)).sum();
            List<String> missingUploads = files.stream().filter(f -> !uploads.containsKey(f)).toList();
            long expected = db.count("SELECT COALESCE(SUM(diff_expected_amount), 0) FROM payment_transaction"
                    + " WHERE transaction_id LIKE ? AND diff_status = 'SETTLED'", like);
            long actual = db.count("SELECT COALESCE(SUM(diff_settled_amount), 0) FROM payment_transaction"
                    + " WHERE transaction_id LIKE ? AND diff_status = 'SETTLED'", like);
            long breaks = db.count("SELECT COUNT(*) FROM reconciliation_break WHERE transaction_id LIKE ?", like);
            Map<String, Integer> registrations = on.simulator.receivedCounts("R1");
            List<String> notDone = db.dump("SELECT file_id, status FROM kis_file WHERE business_date = '" + date
                    + "' AND status NOT IN ('RESULT_RECEIVED', 'SUBMITTED')");
            List<String> staleSubmitted = db.dump("SELECT file_id FROM kis_file WHERE business_date = '" + date
                    + "' AND status = 'SUBMITTED'");
            return new Check(rows, statuses, terminal, sentRows, requestRows, atKis, duplicates, reUploads, expected,
                    actual, breaks, registrations, notDone, staleSubmitted, missingUploads);
        }
    }
}
