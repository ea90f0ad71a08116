package kr.co.pg.settlement.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import kr.co.pg.settlement.localstack.LocalStack;
import kr.co.pg.settlement.poller.config.observability.MetricNames;
import kr.co.pg.settlement.simulator.EmbeddedKisSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Health groups and /actuator/prometheus of a started poller (real MariaDB, real Kafka, the KIS simulator over
 * HTTP): pending receipts and the oldest one's age, KIS calls timed with the status KIS answered (a receipt KIS does
 * not know: 404), the circuit breaker in health and metrics, and every name of {@link MetricNames} exported.
 */
class PollerObservabilityTest {

    static final String MANAGEMENT_USER = "poller-test";
    static final String MANAGEMENT_PASSWORD = "poller-test-management-password";
    static final String SECRET = "poller-observability-secret";
    static EmbeddedKisSimulator simulator;
    static ConfigurableApplicationContext poller;
    static JdbcTemplate jdbc;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        simulator = EmbeddedKisSimulator.start(Files.createTempDirectory("kis-sim-obs"), SECRET, Duration.ofMillis(300));
        String database = "poller_obs_" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> props = new HashMap<>();
        props.put("spring.kafka.bootstrap-servers", LocalStack.kafka().bootstrapServers());
        props.put("spring.datasource.url", LocalStack.mariaDb().jdbcUrl(database));
        props.put("spring.datasource.username", LocalStack.mariaDb().username());
        props.put("spring.datasource.password", LocalStack.mariaDb().password());
        props.put("spring.kafka.consumer.group-id", "poller-obs-" + UUID.randomUUID());
        props.put("server.port", "0");
        props.put("kis.base-url", simulator.baseUrl());
        props.put("kis.allow-plain-http", "true");
        props.put("kis.secret", SECRET);
        props.put("kis.client-id", EmbeddedKisSimulator.CLIENT_ID);
        props.put("settlement.poller.interval", "300ms");
        props.put("settlement.poller.max-backoff", "1s");
        props.put("settlement.poller.work-dir", Files.createTempDirectory("poller-obs-work").toString());
        props.put("settlement.metrics.refresh-interval", "300ms");
        props.put("resilience4j.retry.instances.kis.max-attempts", "1");
        props.put("settlement.management.user", MANAGEMENT_USER);
        props.put("settlement.management.password", MANAGEMENT_PASSWORD);
        props.put("management.endpoint.health.show-details", "always");
        props.put("management.endpoint.health.show-components", "always");
        poller = new SpringApplicationBuilder(PollerApplication.class).web(WebApplicationType.REACTIVE)
                .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        jdbc = poller.getBean(JdbcTemplate.class);
        port = ((WebServerApplicationContext) poller).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (poller != null) {
            poller.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void pendingReceiptsKisCallsAndDeadLettersAreExported() {
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Seoul"));
        // polled at once: KIS does not know the receipt (404); waiting a day: the oldest, submitted an hour ago
        receipt("OBS00000000000000001", "S1", now.minusMinutes(5), now);
        receipt("OBS00000000000000002", "S1", now.minusHours(1), now.plusDays(1));
        receipt("OBS00000000000000003", "R1", now.minusMinutes(1), now.plusDays(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = get("/actuator/prometheus").body();
            assertThat(value(scrape, "settlement_receipts_pending", Map.of("file_type", "S1"))).isEqualTo(2.0);
            assertThat(value(scrape, "settlement_receipts_pending", Map.of("file_type", "R1"))).isEqualTo(1.0);
            assertThat(value(scrape, "settlement_receipts_pending_oldest_age_seconds", Map.of("file_type", "S1")))
                    .isBetween(3590.0, 3700.0);
            assertThat(value(scrape, "settlement_kis_calls_seconds_count",
                    Map.of("operation", "poll", "outcome", "error", "status", "404"))).isGreaterThanOrEqualTo(1.0);
            assertThat(scrape).containsPattern("(?m)^settlement_kis_calls_seconds_bucket\\{.*status=\"404\"");
            assertThat(value(scrape, "settlement_dlt_records", Map.of("topic", "settlement.dlt.poller.v1")))
                    .isGreaterThanOrEqualTo(0.0);
            for (String name : MetricNames.all()) {
                String exported = name.replace('.', '_') + (name.equals(MetricNames.KIS_CALLS) ? "_seconds_count" : "");
                assertThat(scrape).as("exported " + exported).containsPattern("(?m)^" + exported + "[{ ]");
            }
            assertThat(scrape).contains("resilience4j_circuitbreaker_state{", "kafka_consumer_fetch_manager_records_lag_max{");
        });
    }

    @Test
    void readinessHasDatabaseAndKafkaAndAnOpenCircuitDoesNotMakeItUnready() {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\"", "\"kafka\"").doesNotContain("circuitBreakers");
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        CircuitBreaker kis = poller.getBean(CircuitBreakerRegistry.class).circuitBreaker("kis");
        kis.transitionToForcedOpenState();
        try {
            HttpResponse<String> health = get("/actuator/health");
            assertThat(health.body()).contains("\"circuitBreakers\"", "FORCED_OPEN");
            assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(value(get("/actuator/prometheus").body(), "resilience4j_circuitbreaker_state",
                    Map.of("name", "kis", "state", "forced_open"))).isEqualTo(1.0);
        } finally {
            kis.transitionToClosedState();
        }
    }

    private static void receipt(String receiptNo, String type, LocalDateTime submittedAt, LocalDateTime nextPoll) {
        jdbc.update("INSERT INTO pending_receipt (receipt_no, file_id, file_type, business_date, file_date, file_seq,"
                + " record_count, status, attempts, next_poll_at, submitted_at) VALUES (?, ?, ?, '2031-01-02',"
                + " '2031-01-02', ?, 1, 'PENDING', 0, ?, ?)", receiptNo, type + "-20310102-" + receiptNo.substring(14),
                type, Integer.parseInt(receiptNo.substring(14)), Timestamp.valueOf(nextPoll), Timestamp.valueOf(submittedAt));
    }

    @Test
    void metricsNeedTheManagementCredential() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (MANAGEMENT_USER + ":" + MANAGEMENT_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
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
