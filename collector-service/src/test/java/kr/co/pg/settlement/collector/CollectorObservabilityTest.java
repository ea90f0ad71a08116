package kr.co.pg.settlement.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kr.co.pg.settlement.collector.config.observability.MetricNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Health groups and /actuator/prometheus of a started collector (real MariaDB with binlog, real Kafka, the relay
 * running): every name of {@link MetricNames} is exported, the gauges show the rows written by the test, Kafka's
 * consumer lag is bound, and readiness fails once the relay stops.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "settlement.metrics.refresh-interval=PT0.3S",
        "management.endpoint.health.show-details=always",
        "management.endpoint.health.show-components=always"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CollectorObservabilityTest {

    static final ItSupport it = new ItSupport("collector_observability");
    static final String RELAY_TEST_TOPIC = "settlement.observability-test.v1";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        it.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;
    @Value("${local.server.port}")
    int port;

    @BeforeAll
    void data() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, it.bootstrap);
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(RELAY_TEST_TOPIC, 1, (short) 1))).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        String d = it.businessDate.toString();
        String fd = d.replace("-", "");
        // the collector's clock and the database are KST (the machine may be UTC)
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Seoul"));
        Timestamp old = Timestamp.valueOf(now.minusHours(5));
        Timestamp recent = Timestamp.valueOf(now);
        file("S1-" + fd + "-000001", "S1", 1, d, "SUBMITTED");
        file("S1-" + fd + "-000002", "S1", 2, d, "RESULT_RECEIVED");
        file("R1-" + fd + "-000001", "R1", 1, d, "SUBMITTED");
        for (int i = 1; i <= 3; i++) {
            settlementRow("T-OBS-" + i, "S1-" + fd + "-000001", i, d, "SENT");
        }
        settlementRow("T-OBS-4", "S1-" + fd + "-000002", 1, d, "SETTLED");
        jdbc.update("INSERT INTO registration_request (file_id, seq, sub_merchant_id, request_type, business_date,"
                + " status, created_at, updated_at) VALUES (?, 1, 'SM-OBS-1', 'N', ?, 'SENT', NOW(3), NOW(3))",
                "R1-" + fd + "-000001", d);
        // stuck: SENT five hours ago (stuck-after 2 h); not stuck: SENT just now
        transaction("T-OBS-1", "SENT", old);
        transaction("T-OBS-2", "SENT", recent);
        jdbc.update("INSERT INTO job_run (kickoff_id, job, business_date, status, started_at, finished_at)"
                + " VALUES ('obs-1', 'SUBMERCHANT_REGISTRATION_REQUEST', ?, 'DONE', ?, ?)", d,
                Timestamp.valueOf(now.minusMinutes(30)), Timestamp.valueOf(now.minusMinutes(28).minusSeconds(30)));
        jdbc.update("INSERT INTO job_run (kickoff_id, job, business_date, status, started_at)"
                + " VALUES ('obs-2', 'DIFF_SETTLEMENT_REQUEST', ?, 'RUNNING', ?)", d, Timestamp.valueOf(now.minusMinutes(10)));
    }

    private void file(String id, String type, int seq, String date, String status) {
        jdbc.update("INSERT INTO kis_file (file_id, file_type, file_date, file_seq, business_date, record_count,"
                + " created_at, status, updated_at) VALUES (?, ?, ?, ?, ?, 1, NOW(3), ?, NOW(3))", id, type, date, seq,
                date, status);
    }

    private void settlementRow(String tx, String fileId, int seq, String date, String status) {
        jdbc.update("INSERT INTO settlement_request (transaction_id, file_id, seq, business_date, expected_amount,"
                + " status, created_at, updated_at) VALUES (?, ?, ?, ?, 100, ?, NOW(3), NOW(3))", tx, fileId, seq, date,
                status);
    }

    private void transaction(String tx, String status, Timestamp updated) {
        jdbc.update("INSERT INTO payment_transaction (transaction_id, sub_merchant_id, card_company, card_type,"
                + " transaction_type, approval_no, approved_at, masked_card_no, amount, applied_fee_rate, fee_amount,"
                + " diff_status, diff_updated_at) VALUES (?, 'SM-OBS-1', 'BC', 'CREDIT', 'APPROVAL', '00000001', NOW(),"
                + " '123456******1234', 10000, 2.000, 200, ?, ?)", tx, status, updated);
    }

    @AfterAll
    void tearDown() {
        it.close();
    }

    @Test
    @Order(1)
    void everyMetricNameIsExportedWithTheRowsOfTheDatabase() {
        String d = it.businessDate.toString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = get("/actuator/prometheus").body();
            assertThat(value(scrape, "settlement_rows", Map.of("flow", "settlement", "status", "SENT", "business_date", d))).as("settlement_rows" + Map.of("flow", "settlement", "status", "SENT", "business_date", d))
                    .isEqualTo(3.0);
            assertThat(value(scrape, "settlement_rows", Map.of("flow", "settlement", "status", "SETTLED", "business_date", d))).as("settlement_rows" + Map.of("flow", "settlement", "status", "SETTLED", "business_date", d))
                    .isEqualTo(1.0);
            assertThat(value(scrape, "settlement_rows", Map.of("flow", "registration", "status", "SENT", "business_date", d))).as("settlement_rows" + Map.of("flow", "registration", "status", "SENT", "business_date", d))
                    .isEqualTo(1.0);
            assertThat(value(scrape, "settlement_files", Map.of("file_type", "S1", "status", "SUBMITTED", "business_date", d))).as("settlement_files" + Map.of("file_type", "S1", "status", "SUBMITTED", "business_date", d))
                    .isEqualTo(1.0);
            assertThat(value(scrape, "settlement_rows_stuck", Map.of("flow", "settlement"))).as("settlement_rows_stuck" + Map.of("flow", "settlement")).isEqualTo(1.0);
            assertThat(value(scrape, "settlement_job_running", Map.of("job", "DIFF_SETTLEMENT_REQUEST"))).as("settlement_job_running" + Map.of("job", "DIFF_SETTLEMENT_REQUEST")).isEqualTo(1.0);
            assertThat(value(scrape, "settlement_job_running", Map.of("job", "SUBMERCHANT_REGISTRATION_REQUEST"))).as("settlement_job_running" + Map.of("job", "SUBMERCHANT_REGISTRATION_REQUEST"))
                    .isEqualTo(0.0);
            assertThat(value(scrape, "settlement_job_run_seconds", Map.of("job", "SUBMERCHANT_REGISTRATION_REQUEST"))).as("settlement_job_run_seconds" + Map.of("job", "SUBMERCHANT_REGISTRATION_REQUEST"))
                    .isEqualTo(90.0);
            assertThat(value(scrape, "settlement_job_run_seconds", Map.of("job", "DIFF_SETTLEMENT_REQUEST"))).as("settlement_job_run_seconds" + Map.of("job", "DIFF_SETTLEMENT_REQUEST"))
                    .isBetween(590.0, 700.0);
            assertThat(value(scrape, "settlement_outbox_relay_active", Map.of())).as("settlement_outbox_relay_active" + Map.of()).isEqualTo(1.0);
            assertThat(value(scrape, "settlement_dlt_records", Map.of("topic", "settlement.dlt.collector.v1"))).as("settlement_dlt_records" + Map.of("topic", "settlement.dlt.collector.v1"))
                    .isGreaterThanOrEqualTo(0.0);
            for (String name : MetricNames.all()) {
                String exported = name.replace('.', '_') + (name.equals(MetricNames.RELAY_RELAYED) ? "_total" : "");
                assertThat(scrape).as("exported " + exported).containsPattern("(?m)^" + exported + "[{ ]");
            }
            // consumer lag from Kafka's client metrics (Boot's MicrometerConsumerListener on the consumer factory);
            // the per-partition records_lag{topic,partition} follow at Micrometer's next 60 s scan of new client metrics
            assertThat(scrape).containsPattern("(?m)^kafka_consumer_fetch_manager_records_lag_max\\{.*spring_id=\"kafkaConsumerFactory");
        });
    }

    @Test
    @Order(2)
    void rowsThatChangeStateAreCountedAgainUntilTheirFileIsFinal() {
        String d = it.businessDate.toString();
        jdbc.update("UPDATE settlement_request SET status = 'SETTLED' WHERE transaction_id IN ('T-OBS-1', 'T-OBS-2')");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = get("/actuator/prometheus").body();
            assertThat(value(scrape, "settlement_rows", Map.of("flow", "settlement", "status", "SETTLED", "business_date", d)))
                    .isEqualTo(3.0);
            assertThat(value(scrape, "settlement_rows", Map.of("flow", "settlement", "status", "SENT", "business_date", d)))
                    .isEqualTo(1.0);
        });
        jdbc.update("UPDATE settlement_request SET status = 'REJECTED' WHERE transaction_id = 'T-OBS-3'");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = get("/actuator/prometheus").body();
            assertThat(value(scrape, "settlement_rows", Map.of("flow", "settlement", "status", "REJECTED", "business_date", d)))
                    .isEqualTo(1.0);
            assertThat(scrape).doesNotContain("settlement_rows{business_date=\"" + d + "\",flow=\"settlement\",status=\"SENT\"}");
        });
    }

    @Test
    @Order(3)
    void theRelayCountsWhatItRelaysAndItsBacklogDrains() {
        jdbc.update("INSERT INTO outbox_event (event_id, event_type, topic, event_key, business_date, payload, created_at)"
                + " VALUES ('obs-event-1', 'Test', ?, 'k', ?, ?, NOW(3))", RELAY_TEST_TOPIC, it.businessDate.toString(),
                "{}".getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = get("/actuator/prometheus").body();
            assertThat(value(scrape, "settlement_outbox_relay_relayed_total", Map.of())).as("settlement_outbox_relay_relayed_total" + Map.of()).isGreaterThanOrEqualTo(1.0);
            assertThat(value(scrape, "settlement_outbox_relay_backlog", Map.of())).as("settlement_outbox_relay_backlog" + Map.of()).isEqualTo(0.0);
            assertThat(value(scrape, "settlement_outbox_rows", Map.of())).as("settlement_outbox_rows" + Map.of()).isGreaterThanOrEqualTo(1.0);
        });
    }

    @Test
    @Order(4)
    void probesIncludeDatabaseKafkaAndTheRelay() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\"", "\"kafka\"", "\"outboxRelay\"", "\"role\":\"active\"",
                "\"clusterId\"");
        HttpResponse<String> liveness = get("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).doesNotContain("\"db\"", "\"kafka\"");
    }

    @Test
    @Order(5)
    void notReadyOnceTheRelayIsDown() {
        SmartLifecycle relay = (SmartLifecycle) context.getBean("outboxRelayLifecycle");
        relay.stop();
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"outboxRelay\":{\"details\":{\"relay\":\"not running");
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(6)
    void metricsNeedTheManagementCredential() {
        assertThat(anonymous("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(anonymous("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) {
        return send(path, ItSupport.managementAuthorization());
    }

    private HttpResponse<String> anonymous(String path) {
        return send(path, null);
    }

    private HttpResponse<String> send(String path, String authorization) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(20));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of the one sample of {@code name} carrying (at least) these labels; fails when there is none. */
    static double value(String scrape, String name, Map<String, String> labels) {
        for (String line : scrape.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            String labelPart = line.startsWith(name + "{") ? line.substring(name.length(), line.lastIndexOf('}') + 1) : "";
            if (labels.entrySet().stream().allMatch(e -> labelPart.contains(e.getKey() + "=\"" + e.getValue() + "\""))) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no sample " + name + labels + " in the scrape");
    }
}
