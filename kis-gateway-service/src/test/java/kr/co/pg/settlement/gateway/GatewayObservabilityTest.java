package kr.co.pg.settlement.gateway;

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
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import kr.co.pg.settlement.gateway.application.KisUploadPort;
import kr.co.pg.settlement.gateway.config.observability.MetricNames;
import kr.co.pg.settlement.gateway.domain.FileToSubmit;
import kr.co.pg.settlement.gateway.domain.KisUnavailableException;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.localstack.LocalStack;
import kr.co.pg.settlement.simulator.EmbeddedKisSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Health groups and /actuator/prometheus of a started gateway (real Kafka, the KIS simulator over HTTP): KIS calls
 * timed by outcome and the status KIS answered (a final answer; 503 while the simulator is unavailable), the circuit
 * breaker in health (not in readiness) and metrics, and every name of {@link MetricNames} exported.
 */
class GatewayObservabilityTest {

    static final String MANAGEMENT_USER = "gateway-test";
    static final String MANAGEMENT_PASSWORD = "gateway-test-management-password";
    static final String SECRET = "gateway-observability-secret";
    static EmbeddedKisSimulator simulator;
    static ConfigurableApplicationContext gateway;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        simulator = EmbeddedKisSimulator.start(Files.createTempDirectory("kis-sim-gw-obs"), SECRET, Duration.ofMillis(300));
        Map<String, Object> props = new HashMap<>();
        props.put("spring.kafka.bootstrap-servers", LocalStack.kafka().bootstrapServers());
        props.put("server.port", "0");
        props.put("kis.base-url", simulator.baseUrl());
        props.put("kis.allow-plain-http", "true");
        props.put("kis.secret", SECRET);
        props.put("kis.client-id", EmbeddedKisSimulator.CLIENT_ID);
        props.put("settlement.metrics.refresh-interval", "300ms");
        props.put("resilience4j.retry.instances.kis.max-attempts", "2");
        props.put("resilience4j.retry.instances.kis.wait-duration", "50ms");
        props.put("settlement.management.user", MANAGEMENT_USER);
        props.put("settlement.management.password", MANAGEMENT_PASSWORD);
        props.put("management.endpoint.health.show-details", "always");
        props.put("management.endpoint.health.show-components", "always");
        gateway = new SpringApplicationBuilder(GatewayApplication.class).web(WebApplicationType.REACTIVE)
                .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void kisCallsAreTimedByOutcomeAndStatus() {
        KisUploadPort kis = gateway.getBean(KisUploadPort.class);
        // not a valid S1 file: KIS refuses it for good (422), a final answer
        FileToSubmit junk = new FileToSubmit("obs-1", "S1-20310102-000901", FileType.S1, LocalDate.of(2031, 1, 2),
                LocalDate.of(2031, 1, 2), 901, 1, "not a file\r\n".getBytes(StandardCharsets.US_ASCII));
        kis.upload(junk);
        simulator.faults("{\"unavailableShare\":1.0}");
        try {
            FileToSubmit other = new FileToSubmit("obs-2", "S1-20310102-000902", FileType.S1, LocalDate.of(2031, 1, 2),
                    LocalDate.of(2031, 1, 2), 902, 1, "not a file\r\n".getBytes(StandardCharsets.US_ASCII));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> kis.upload(other))
                    .isInstanceOf(KisUnavailableException.class);
        } finally {
            simulator.resetFaults();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = get("/actuator/prometheus").body();
            assertThat(value(scrape, "settlement_kis_calls_seconds_count",
                    Map.of("operation", "upload", "outcome", "success", "status", "final"))).isEqualTo(1.0);
            assertThat(value(scrape, "settlement_kis_calls_seconds_count",
                    Map.of("operation", "upload", "outcome", "error", "status", "503"))).isEqualTo(2.0);
            assertThat(scrape).containsPattern("(?m)^settlement_kis_calls_seconds_bucket\\{.*status=\"503\"");
            assertThat(value(scrape, "settlement_dlt_records", Map.of("topic", "settlement.dlt.gateway.v1")))
                    .isGreaterThanOrEqualTo(0.0);
            for (String name : MetricNames.all()) {
                String exported = name.replace('.', '_') + (name.equals(MetricNames.KIS_CALLS) ? "_seconds_count" : "");
                assertThat(scrape).as("exported " + exported).containsPattern("(?m)^" + exported + "[{ ]");
            }
            assertThat(scrape).contains("resilience4j_circuitbreaker_state{", "kafka_consumer_fetch_manager_records_lag_max{");
        });
    }

    @Test
    void readinessHasKafkaAndAnOpenCircuitDoesNotMakeItUnready() {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"kafka\"", "\"clusterId\"").doesNotContain("circuitBreakers");
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        CircuitBreaker kis = gateway.getBean(CircuitBreakerRegistry.class).circuitBreaker("kis");
        kis.transitionToForcedOpenState();
        try {
            assertThat(get("/actuator/health").body()).contains("\"circuitBreakers\"", "FORCED_OPEN");
            assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(value(get("/actuator/prometheus").body(), "resilience4j_circuitbreaker_state",
                    Map.of("name", "kis", "state", "forced_open"))).isEqualTo(1.0);
        } finally {
            kis.transitionToClosedState();
        }
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
