package kr.co.pg.settlement.opsconsole;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.localstack.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Login for everything but health; viewer reads; operator acts only with the dry run's token; every step audited. */
class SecurityTest extends ConsoleTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anonymousGetsOnlyHealth() {
        ConsoleClient anonymous = ConsoleClient.anonymous(baseUrl());
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/me").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/days/2026-11-24/jobs").status()).isEqualTo(401);
        assertThat(anonymous.get("/v3/api-docs").status()).isIn(302, 401);
        ConsoleClient.Response page = anonymous.get("/");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.raw().headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(anonymous.postWithoutCsrf("/api/actions/kickoff", Map.of("job", "DIFF_SETTLEMENT_REQUEST",
                "businessDate", "2026-11-24")).status()).isIn(401, 403);
    }

    @Test
    void wrongPasswordIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConsoleClient.login(baseUrl(), VIEWER, "wrong"))
                .hasMessageContaining("login of vera failed");
    }

    @Test
    void viewerReadsButCannotKickOff() {
        ConsoleClient viewer = login(VIEWER);
        JsonNode me = viewer.get("/api/me").json();
        assertThat(me.get("username").asString()).isEqualTo(VIEWER);
        assertThat(me.get("operator").asBoolean()).isFalse();
        assertThat(viewer.get("/api/days/2026-11-24/jobs").status()).isEqualTo(200);
        long audited = auditRows();
        ConsoleClient.Response kickoff = viewer.post("/api/actions/kickoff",
                Map.of("job", "DIFF_SETTLEMENT_REQUEST", "businessDate", "2026-11-24"));
        assertThat(kickoff.status()).isEqualTo(403);
        assertThat(viewer.post("/api/actions/dlt-redrive", Map.of("id", Topics.DLT_COLLECTOR + ":0:0")).status())
                .isEqualTo(403);
        assertThat(auditRows()).isEqualTo(audited);
    }

    @Test
    void operatorKicksOffOnlyWithTheDryRunsTokenAndEveryStepIsAudited() {
        LocalDate date = LocalDate.of(2026, 3, 3);
        ConsoleClient operator = login(OPERATOR);
        Map<String, String> params = Map.of("job", "SUBMERCHANT_REGISTRATION_REQUEST", "businessDate", date.toString());

        assertThat(operator.postWithoutCsrf("/api/actions/kickoff", params).status()).isEqualTo(403);

        try (KafkaTestClient kafka = new KafkaTestClient(kafka(), List.of(Topics.KICKOFF))) {
            ConsoleClient.Response dryRun = operator.post("/api/actions/kickoff", params);
            assertThat(dryRun.status()).isEqualTo(200);
            JsonNode preview = dryRun.json();
            assertThat(preview.get("phase").asString()).isEqualTo("DRY_RUN");
            assertThat(preview.get("output").asString()).contains("would send a kick-off of SUBMERCHANT_REGISTRATION_REQUEST")
                    .contains(date.toString());
            String token = preview.get("token").asString();
            assertThat(token).hasSize(32);

            ConsoleClient.Response noToken = operator.post("/api/actions/kickoff", with(params, "confirm", "true"));
            assertThat(noToken.status()).isEqualTo(409);
            assertThat(noToken.json().get("phase").asString()).isEqualTo("NOT_CONFIRMED");
            ConsoleClient.Response otherDate = operator.post("/api/actions/kickoff", Map.of("job",
                    "SUBMERCHANT_REGISTRATION_REQUEST", "businessDate", "2026-03-04", "confirm", "true", "token", token));
            assertThat(otherDate.status()).as("a token confirms exactly the previewed parameters").isEqualTo(409);

            ConsoleClient.Response executed = operator.post("/api/actions/kickoff",
                    with(with(params, "confirm", "true"), "token", token));
            assertThat(executed.status()).isEqualTo(200);
            String kickoffId = executed.json().get("kickoffId").asString();
            assertThat(kickoffId).isNotBlank();

            Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                List<ConsumerRecord<String, byte[]>> records = kafka.received(Topics.KICKOFF,
                        r -> new String(r.value(), StandardCharsets.UTF_8).contains(kickoffId));
                assertThat(records).hasSize(1);
                String value = new String(records.get(0).value(), StandardCharsets.UTF_8);
                assertThat(records.get(0).key()).isEqualTo("SUBMERCHANT_REGISTRATION_REQUEST");
                assertThat(value).contains("\"businessDate\":\"" + date + "\"").contains("\"requestedBy\":\"ops-console:otto\"");
            });

            ConsoleClient.Response again = operator.post("/api/actions/kickoff",
                    with(with(params, "confirm", "true"), "token", token));
            assertThat(again.status()).as("a token is good once").isEqualTo(409);
        }

        List<Map<String, Object>> audit = jdbc.queryForList("SELECT username, action, phase, parameters, outcome, result"
                + " FROM ops_audit WHERE parameters LIKE ? ORDER BY id", "%businessDate=" + date + "%");
        assertThat(audit).extracting(r -> r.get("phase") + " " + r.get("outcome"))
                .containsExactly("DRY_RUN OK", "EXECUTE REFUSED", "EXECUTE OK", "EXECUTE REFUSED");
        assertThat(audit).allSatisfy(r -> {
            assertThat(r.get("username")).isEqualTo(OPERATOR);
            assertThat(r.get("action")).isEqualTo("KICKOFF");
        });
        assertThat((String) audit.get(2).get("result")).contains("sent SUBMERCHANT_REGISTRATION_REQUEST for " + date);

        JsonNode listed = login(VIEWER).get("/api/audit?limit=20").json();
        assertThat(listed.toString()).contains("EXECUTE").contains("job=SUBMERCHANT_REGISTRATION_REQUEST businessDate=" + date);
    }

    @Test
    void badParametersAreRefusedWithTheReason() {
        ConsoleClient operator = login(OPERATOR);
        ConsoleClient.Response badJob = operator.post("/api/actions/kickoff", Map.of("job", "NOPE", "businessDate", "2026-11-24"));
        assertThat(badJob.status()).isEqualTo(400);
        assertThat(badJob.json().get("error").asString()).contains("unknown job 'NOPE'");
        ConsoleClient.Response badDate = operator.post("/api/actions/kickoff",
                Map.of("job", "DIFF_SETTLEMENT_REQUEST", "businessDate", "2026-02-30"));
        assertThat(badDate.status()).isEqualTo(400);
        ConsoleClient.Response badId = operator.post("/api/actions/dlt-redrive", Map.of("id", "x:1"));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("error").asString()).contains("TOPIC:PARTITION:OFFSET");
    }

    private long auditRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ops_audit", Long.class);
    }

    private static Map<String, String> with(Map<String, String> params, String key, String value) {
        java.util.HashMap<String, String> m = new java.util.HashMap<>(params);
        m.put(key, value);
        return m;
    }

    static String randomId() {
        return UUID.randomUUID().toString();
    }
}
