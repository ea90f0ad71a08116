package kr.co.pg.settlement.system;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import kr.co.pg.settlement.events.ConsumerGroups;
import kr.co.pg.settlement.localstack.KafkaBroker;
import kr.co.pg.settlement.localstack.LocalStack;
import kr.co.pg.settlement.localstack.MariaDbServer;
import kr.co.pg.settlement.system.launch.ServiceLauncher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every service of the system in this JVM, on a real MariaDB and a real Kafka broker (local-stack) and the
 * KIS simulator over HTTP. Each test class runs in a JVM of its own (surefire reuseForks=false), so its
 * broker and topics are its own and a replay of "every topic" replays only this class's day.
 */
abstract class SystemE2eSupport {

    static final String[] ALL_TABLES_FINGERPRINT = {
            "SELECT * FROM sub_merchant ORDER BY sub_merchant_id",
            "SELECT * FROM payment_transaction ORDER BY transaction_id",
            "SELECT * FROM kis_file ORDER BY file_id",
            "SELECT * FROM registration_request ORDER BY file_id, seq",
            "SELECT * FROM settlement_request ORDER BY transaction_id",
            "SELECT * FROM job_run ORDER BY kickoff_id",
            "SELECT * FROM reconciliation_break ORDER BY transaction_id",
            "SELECT * FROM processed_event ORDER BY consumer, event_id"};

    static SystemStack stack;
    static SettlementDb db;
    static Kickoffs kickoffs;
    static SimulatorAdmin simulator;
    static KafkaOffsets offsets;
    static Path stateDir;

    static void startSystem(int registrationFileSize, int settlementFileSize) throws Exception {
        MariaDbServer mariaDb = LocalStack.mariaDb();
        KafkaBroker kafka = LocalStack.kafka();
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
        String settlementDatabase = "e2e_settlement_" + suffix;
        String pollerDatabase = "e2e_poller_" + suffix;
        mariaDb.createDatabase(settlementDatabase);
        mariaDb.createDatabase(pollerDatabase);
        stateDir = Files.createTempDirectory("e2e-" + suffix);
        SystemStack.Options options = new SystemStack.Options(kafka.bootstrapServers(), mariaDb.host(),
                mariaDb.port(), mariaDb.username(), mariaDb.password(), settlementDatabase, pollerDatabase, stateDir,
                "PG00000001", "e2e-secret-" + suffix, 0, 0, registrationFileSize, settlementFileSize, "PT1S",
                "PT0.5S", Map.of(
                        // recover within seconds once KIS is back (production waits up to a minute)
                        "kis-gateway-service", Map.of("settlement.gateway.retry.max-interval", "2s",
                                "resilience4j.circuitbreaker.instances.kis.wait-duration-in-open-state", "2s",
                                "resilience4j.retry.instances.kis.max-attempts", "3"),
                        "status-poller-service", Map.of("settlement.poller.max-backoff", "2s",
                                "resilience4j.circuitbreaker.instances.kis.wait-duration-in-open-state", "2s")));
        stack = new SystemStack(options, ServiceLauncher.inProcess()).startAll();
        db = new SettlementDb(SettlementDb.dataSource(mariaDb.host(), mariaDb.port(), settlementDatabase,
                mariaDb.username(), mariaDb.password()));
        kickoffs = new Kickoffs(kafka.bootstrapServers(), "e2e-test");
        simulator = new SimulatorAdmin(stack.simulatorUrl());
        offsets = new KafkaOffsets(kafka.bootstrapServers());
    }

    @BeforeAll
    static void noop() {
        // subclasses start the system with their own sizes
    }

    @AfterAll
    static void stopSystem() {
        if (kickoffs != null) {
            kickoffs.close();
        }
        if (offsets != null) {
            offsets.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    static void insertSubMerchant(String id, String businessNo, String name, String representative,
                                  LocalDate openedOn, String status, LocalDate closedOn) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sub_merchant (sub_merchant_id, business_no, business_name, representative_name, opened_on,"
                        + " closed_on, industry_code, phone, postal_code, address, kis_reg_status)"
                        + " VALUES (?,?,?,?,?,?,'47911','0212345678','06236','서울특별시 강남구 테헤란로 152',?)")) {
            ps.setString(1, id);
            ps.setString(2, businessNo);
            ps.setString(3, name);
            ps.setString(4, representative);
            ps.setObject(5, openedOn);
            ps.setObject(6, closedOn);
            ps.setString(7, status);
            ps.executeUpdate();
        }
    }

    static void execute(String sql, Object... args) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    /** One row of sub_merchant as "status|code|tier|from|to|kisNo". */
    static String registration(String subMerchantId) {
        List<String> rows = db.dump("SELECT kis_reg_status, kis_reg_result_code, fee_tier, tier_valid_from,"
                + " tier_valid_to, kis_sub_merchant_no FROM sub_merchant WHERE sub_merchant_id = '" + subMerchantId + "'");
        return rows.isEmpty() ? "<missing>" : rows.get(0);
    }

    static void awaitJobDone(String kickoffId) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> db.jobRunStatus(kickoffId).filter("DONE"::equals).isPresent());
    }

    static void awaitNoSubMerchantIn(String... statuses) {
        String in = "'" + String.join("','", statuses) + "'";
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> db.count(
                "SELECT COUNT(*) FROM sub_merchant WHERE kis_reg_status IN (" + in + ")") == 0);
    }

    static void awaitNoTransactionIn(String... statuses) {
        String in = "'" + String.join("','", statuses) + "'";
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> db.count(
                "SELECT COUNT(*) FROM payment_transaction WHERE diff_status IN (" + in + ")") == 0);
    }

    static Map<String, List<String>> fingerprint() {
        Map<String, List<String>> all = new java.util.LinkedHashMap<>();
        for (String sql : ALL_TABLES_FINGERPRINT) {
            all.put(sql, db.dump(sql));
        }
        return all;
    }

    /**
     * Stops every consumer, rewinds every consumer group to the beginning of every topic (what an operator does
     * with kafka-consumer-groups --reset-offsets --to-earliest), starts them again and waits until they have
     * consumed everything once more.
     */
    static void replayAllTopics() {
        long collectorCommitted = offsets.committedTotal(ConsumerGroups.COLLECTOR);
        long gatewayCommitted = offsets.committedTotal(ConsumerGroups.GATEWAY);
        long pollerCommitted = offsets.committedTotal(ConsumerGroups.POLLER);
        stack.stopPoller();
        stack.stopGateway();
        stack.stopCollector();
        offsets.rewindToEarliest(ConsumerGroups.COLLECTOR);
        offsets.rewindToEarliest(ConsumerGroups.GATEWAY);
        offsets.rewindToEarliest(ConsumerGroups.POLLER);
        stack.startCollector();
        stack.startGateway();
        stack.startPoller();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() ->
                offsets.committedTotal(ConsumerGroups.COLLECTOR) >= collectorCommitted
                        && offsets.committedTotal(ConsumerGroups.GATEWAY) >= gatewayCommitted
                        && offsets.committedTotal(ConsumerGroups.POLLER) >= pollerCommitted
                        && offsets.lag(ConsumerGroups.COLLECTOR) == 0 && offsets.lag(ConsumerGroups.GATEWAY) == 0
                        && offsets.lag(ConsumerGroups.POLLER) == 0);
    }

    /** A valid business registration number: nine digits and the check digit of domain.md. */
    static String businessNumber(String nineDigits) {
        int[] w = {1, 3, 7, 1, 3, 7, 1, 3, 5};
        int s = 0;
        for (int i = 0; i < 9; i++) {
            s += (nineDigits.charAt(i) - '0') * w[i];
        }
        s += ((nineDigits.charAt(8) - '0') * 5) / 10;
        return nineDigits + (10 - s % 10) % 10;
    }
}
