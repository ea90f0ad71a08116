package kr.co.pg.settlement.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.localstack.SecureKafka;
import kr.co.pg.settlement.ops.OpsTestSupport.Run;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ops-cli against a SASL_SSL broker with ACLs, configured only by the KAFKA_* environment of docs/production.md. */
class SecureKafkaOpsTest {

    private static final String LEDGER = "settlement.ops.dlt-redriven.v1";
    private static SecureKafka kafka;

    @BeforeAll
    static void start() throws Exception {
        kafka = SecureKafka.start();
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(Topics.KICKOFF, 4, (short) 1),
                    new NewTopic(Topics.DLT_COLLECTOR, 1, (short) 1), new NewTopic(LEDGER, 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        kafka.createUser("ops", "ops-pw");
        kafka.addAcls(List.of(
                allow(ResourceType.TOPIC, Topics.KICKOFF, PatternType.LITERAL, AclOperation.WRITE),
                allow(ResourceType.TOPIC, Topics.DLT_COLLECTOR, PatternType.LITERAL, AclOperation.READ),
                allow(ResourceType.TOPIC, LEDGER, PatternType.LITERAL, AclOperation.READ),
                allow(ResourceType.TOPIC, "settlement.", PatternType.PREFIXED, AclOperation.DESCRIBE)));
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void kickoffAndDeadLetterListingWorkOverSaslSsl() {
        Map<String, String> env = kafka.environment("ops", "ops-pw");
        Run kickoff = OpsTestSupport.run(env, "kickoff", "DIFF_SETTLEMENT_REQUEST", "--date", "2026-11-24", "--by",
                "ops-test");
        assertThat(kickoff.code()).as(kickoff.err()).isZero();
        assertThat(kickoff.out()).contains("sent DIFF_SETTLEMENT_REQUEST for 2026-11-24");

        Run list = OpsTestSupport.run(env, "dlt", "list", "--topic", Topics.DLT_COLLECTOR);
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains(Topics.DLT_COLLECTOR + ": 0 dead letter(s)");
    }

    @Test
    void adminCallsLogInAsTheOpsPrincipal() throws Exception {
        KafkaConnection connection = KafkaConnection.of(kafka.bootstrapServers(), kafka.environment("ops", "ops-pw"));
        assertThat(connection.toString()).isEqualTo(kafka.bootstrapServers() + " (SASL_SSL)").doesNotContain("ops-pw");
        try (Admin admin = KafkaClients.admin(connection)) {
            assertThat(admin.listTopics().names().get(15, TimeUnit.SECONDS)).contains(Topics.KICKOFF,
                    Topics.DLT_COLLECTOR);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, String> env = new HashMap<>(kafka.environment("ops", "ops-pw"));
        env.put("KAFKA_SASL_PASSWORD", "wrong");
        try (Admin admin = KafkaClients.admin(KafkaConnection.of(kafka.bootstrapServers(), env))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(15, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
        }
        Run list = OpsTestSupport.run(env, "dlt", "list", "--topic", Topics.DLT_COLLECTOR);
        assertThat(list.code()).isNotZero();
        assertThat(list.err()).containsIgnoringCase("authentication");
    }

    @Test
    void saslWithoutAUserIsAConfigurationError() {
        Map<String, String> env = new HashMap<>(kafka.environment("ops", "ops-pw"));
        env.remove("KAFKA_SASL_USERNAME");
        assertThatThrownBy(() -> KafkaConnection.of(kafka.bootstrapServers(), env))
                .isInstanceOf(OpsException.class).hasMessageContaining("KAFKA_SASL_USERNAME");
        assertThat(KafkaConnection.of("k:9092", Map.of()).security()).isEmpty();
    }

    private static AclBinding allow(ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return SecureKafka.allow("ops", type, name, pattern, operation);
    }
}
