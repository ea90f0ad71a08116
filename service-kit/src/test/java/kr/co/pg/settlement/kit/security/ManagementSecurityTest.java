package kr.co.pg.settlement.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@link ManagementSecurityConfiguration} in a tiny app of each web stack (Spring MVC as the collector, WebFlux as the
 * gateway, the poller and the scheduler), with the actuator as the services expose it and one API endpoint of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementSecurityTest {

    private static final String USER = "prometheus";
    private static final String PASSWORD = "a-long-random-management-password";

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<WebApplicationType, ConfigurableApplicationContext> apps = new LinkedHashMap<>();
    /** Started with the others and stopped last: stopping a reactive app releases Reactor Netty's shared loops. */
    private ConfigurableApplicationContext withoutCredential;

    @BeforeAll
    void start() {
        for (WebApplicationType type : new WebApplicationType[] {WebApplicationType.SERVLET, WebApplicationType.REACTIVE}) {
            apps.put(type, start(type, Map.of("settlement.management.user", USER, "settlement.management.password", PASSWORD)));
        }
        withoutCredential = start(WebApplicationType.REACTIVE, Map.of());
    }

    @AfterAll
    void stop() {
        withoutCredential.close();
        apps.values().forEach(ConfigurableApplicationContext::close);
    }

    @ParameterizedTest
    @EnumSource(value = WebApplicationType.class, names = {"SERVLET", "REACTIVE"})
    void metricsAndTheServiceApiNeedTheCredential(WebApplicationType type) throws Exception {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/info", "/actuator", "/api/ping",
                "/actuator/health/probe"}) {
            HttpResponse<String> anonymous = get(type, path, null);
            assertThat(anonymous.statusCode()).as("%s without credential", path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(path).hasValueSatisfying(
                    v -> assertThat(v).startsWith("Basic"));
            assertThat(get(type, path, basic(USER, "not-the-management-password")).statusCode())
                    .as("%s with a wrong password", path).isEqualTo(401);
            assertThat(get(type, path, basic("someone-else", PASSWORD)).statusCode())
                    .as("%s with a wrong user", path).isEqualTo(401);
            assertThat(get(type, path, basic(USER, PASSWORD)).statusCode()).as("%s with the credential", path).isEqualTo(200);
        }
        assertThat(get(type, "/actuator/prometheus", basic(USER, PASSWORD)).body()).contains("jvm_memory_used_bytes");
        assertThat(get(type, "/api/ping", basic(USER, PASSWORD)).body()).isEqualTo("pong");
    }

    @ParameterizedTest
    @EnumSource(value = WebApplicationType.class, names = {"SERVLET", "REACTIVE"})
    void probesAreOpenAndHealthShowsComponentsOnlyToTheCredential(WebApplicationType type) throws Exception {
        assertThat(get(type, "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get(type, "/actuator/health/readiness", null).statusCode()).isEqualTo(200);

        HttpResponse<String> anonymous = get(type, "/actuator/health", null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("components", "probe", "checked");

        HttpResponse<String> authorized = get(type, "/actuator/health", basic(USER, PASSWORD));
        assertThat(authorized.statusCode()).isEqualTo(200);
        assertThat(authorized.body()).contains("\"components\"", "\"probe\"", "\"checked\":\"yes\"");
    }

    @Test
    void withoutACredentialEveryProtectedEndpointRefusesAndTheProbesStayOpen() throws Exception {
        String base = "http://127.0.0.1:" + withoutCredential.getEnvironment().getProperty("local.server.port");
        assertThat(send(base + "/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(send(base + "/api/ping", basic(USER, PASSWORD)).statusCode()).isEqualTo(401);
        assertThat(send(base + "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(send(base + "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(send(base + "/actuator/health", null).body()).doesNotContain("components");
    }

    @Test
    void aHalfOrWeakCredentialStopsTheStart() {
        assertThatThrownBy(() -> start(WebApplicationType.SERVLET, Map.of("settlement.management.password", PASSWORD)))
                .hasStackTraceContaining("SETTLEMENT_MANAGEMENT_USER");
        assertThatThrownBy(() -> start(WebApplicationType.SERVLET,
                Map.of("settlement.management.user", USER, "settlement.management.password", "short")))
                .hasStackTraceContaining("at least 16")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("short\"", "=short"));
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private HttpResponse<String> get(WebApplicationType type, String path, String authorization)
            throws IOException, InterruptedException {
        return send("http://127.0.0.1:" + apps.get(type).getEnvironment().getProperty("local.server.port") + path,
                authorization);
    }

    private HttpResponse<String> send(String url, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static ConfigurableApplicationContext start(WebApplicationType type, Map<String, Object> credential) {
        Map<String, Object> properties = new LinkedHashMap<>(Map.of(
                "server.port", "0",
                "spring.config.name", "management-security-test",
                "spring.jmx.enabled", "false",
                "spring.main.banner-mode", "off",
                "management.endpoints.web.exposure.include", "health,info,prometheus",
                "management.endpoint.health.show-details", "when-authorized",
                "management.endpoint.health.show-components", "when-authorized",
                "management.endpoint.health.probes.enabled", "true"));
        properties.putAll(credential);
        return new SpringApplicationBuilder(TinyService.class).web(type).properties(properties).run();
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(ManagementSecurityConfiguration.class)
    static class TinyService {

        @Bean
        HealthIndicator probe() {
            return () -> Health.up().withDetail("checked", "yes").build();
        }

        @Bean
        PingController pingController() {
            return new PingController();
        }
    }

    @RestController
    static class PingController {
        @GetMapping("/api/ping")
        String ping() {
            return "pong";
        }
    }
}
