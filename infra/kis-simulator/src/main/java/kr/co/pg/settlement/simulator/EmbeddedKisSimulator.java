package kr.co.pg.settlement.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The KIS simulator started inside a test's JVM on a random port, with its /sim admin calls: for the
 * services' integration tests (a test-support API, not KIS's).
 */
public final class EmbeddedKisSimulator implements AutoCloseable {

    public static final String CLIENT_ID = "PG00000001";

    private final ConfigurableApplicationContext context;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private EmbeddedKisSimulator(ConfigurableApplicationContext context) {
        this.context = context;
        this.baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    public static EmbeddedKisSimulator start(Path stateDir, String secret, Duration processingDelay) {
        Map<String, Object> props = new HashMap<>();
        props.put("server.port", "0");
        props.put("spring.jmx.enabled", "false");
        props.put("kis.simulator.state-dir", stateDir.toString());
        props.put("kis.simulator.processing-delay", processingDelay.toMillis() + "ms");
        // this JVM's classpath also holds the service: keep its infrastructure out of the simulator
        props.put("spring.autoconfigure.exclude", String.join(",",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration",
                "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
                // and the services' HTTP security: as kis-simulator.yml says
                "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration"));
        // this JVM's class path holds the service's configuration too: name the simulator's own
        props.put("spring.config.name", KisSimulatorApplication.CONFIG_NAME);
        // the key as a property source of its own, not as an argument: no secret among the arguments
        Map<String, Object> secrets = Map.of("kis.simulator.clients." + CLIENT_ID, secret);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(KisSimulatorApplication.class)
                .web(WebApplicationType.REACTIVE)
                .initializers(withSecrets(secrets))
                .run(asArguments(props));
        return new EmbeddedKisSimulator(context);
    }


    public String baseUrl() {
        return baseUrl;
    }

    /** For this module's tests. */
    ConfigurableApplicationContext context() {
        return context;
    }

    /** Every receipt the simulator holds: receiptNo, idempotencyKey, fileType, fileDate, fileSeq, recordCount, status. */
    public List<JsonNode> files() {
        List<JsonNode> files = new ArrayList<>();
        get("/sim/files").forEach(files::add);
        return files;
    }

    public List<JsonNode> filesWithKey(String idempotencyKey) {
        return files().stream().filter(f -> idempotencyKey.equals(f.get("idempotencyKey").asString())).toList();
    }

    /** How many accepted files contain each transaction id (S1) or sub-merchant id (R1). */
    public Map<String, Integer> receivedCounts(String fileType) {
        Map<String, Integer> counts = new HashMap<>();
        get("/sim/received/" + fileType + "/counts").properties()
                .forEach(e -> counts.put(e.getKey(), e.getValue().asInt()));
        return counts;
    }

    public void faults(String jsonChange) {
        post("/sim/faults", jsonChange);
    }

    public void resetFaults() {
        post("/sim/faults/reset", "");
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
    }

    private JsonNode post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * Adds {@code secrets} as the first property source (above the arguments and the yml): the way to hand keys
     * and passwords to an application started in this JVM without putting them among its arguments.
     */
    public static ApplicationContextInitializer<ConfigurableApplicationContext> withSecrets(Map<String, Object> secrets) {
        Map<String, Object> copy = Map.copyOf(secrets);
        return context -> context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("kis-simulator-secrets", copy) {
                    @Override
                    public String toString() {
                        return "MapPropertySource {name='kis-simulator-secrets', keys=" + copy.keySet() + "}";
                    }
                });
    }

    /** As command-line arguments: they win over application.yml (default properties would not). Never for secrets. */
    public static String[] asArguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
