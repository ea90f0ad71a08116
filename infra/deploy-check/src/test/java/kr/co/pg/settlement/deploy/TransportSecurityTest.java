package kr.co.pg.settlement.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real manifests of infra/k8s, each broken in one place, must be refused by {@link KubernetesRules}: Kafka on
 * SASL_SSL with SCRAM-SHA-512 as the workload's own principal, trust store and CA files from mounted Secrets, MariaDB
 * with sslMode=verify-full, the outbox relay likewise, every Secret one docs/production.md tells operators to create.
 */
class TransportSecurityTest {

    static final List<String> KAFKA_VARIABLES = List.of("KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM",
            "KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD", "KAFKA_SSL_TRUSTSTORE_LOCATION",
            "KAFKA_SSL_TRUSTSTORE_PASSWORD", "KAFKA_SSL_TRUSTSTORE_TYPE");

    static Stream<Arguments> everyKafkaWorkloadAndVariable() {
        List<Arguments> cases = new ArrayList<>();
        for (String workload : TransportSecurityRules.KAFKA_PRINCIPALS.keySet()) {
            String kind = workload.equals("kafka-topics") ? "Job" : "Deployment";
            KAFKA_VARIABLES.forEach(variable -> cases.add(Arguments.of(kind, workload, variable)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} without {2}")
    @MethodSource("everyKafkaWorkloadAndVariable")
    void aKafkaClientWithoutOneSecurityVariableIsRefused(String kind, String workload, String variable)
            throws IOException {
        List<Map<String, Object>> docs = DeployManifestsTest.kubernetesDocuments();
        assertThat(violations(docs)).as("the real manifests").isEmpty();

        removeVariable(docs, kind, workload, variable);

        assertThat(violations(docs)).anySatisfy(v -> assertThat(v).startsWith(kind + " " + workload).contains(variable));
    }

    @Test
    void plaintextOrAnotherMechanismIsRefused() throws IOException {
        List<Map<String, Object>> docs = DeployManifestsTest.kubernetesDocuments();
        configMap(docs, "scheduler-config").put("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        configMap(docs, "kis-gateway-service-config").put("KAFKA_SASL_MECHANISM", "SCRAM-SHA-256");
        assertThat(violations(docs))
                .anySatisfy(v -> assertThat(v).startsWith("Deployment scheduler")
                        .contains("KAFKA_SECURITY_PROTOCOL must be SASL_SSL but is PLAINTEXT"))
                .anySatisfy(v -> assertThat(v).startsWith("Deployment kis-gateway-service")
                        .contains("KAFKA_SASL_MECHANISM must be SCRAM-SHA-512 but is SCRAM-SHA-256"));
    }

    @Test
    void aServiceUsingAnotherServicesPrincipalIsRefused() throws IOException {
        List<Map<String, Object>> docs = DeployManifestsTest.kubernetesDocuments();
        // the gateway as collector: it could write the collector's topics
        for (String variable : List.of("KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD")) {
            secretKeyRef(env(docs, "Deployment", "kis-gateway-service", variable)).put("name", "settlement-kafka-collector");
        }
        assertThat(violations(docs)).anySatisfy(v -> assertThat(v).startsWith("Deployment kis-gateway-service")
                .contains("settlement-kafka-gateway").contains("own principal gateway"));
    }

    @Test
    void aWholeJaasConfigFromTheOwnSecretReplacesUserAndPassword() throws IOException {
        List<Map<String, Object>> docs = DeployManifestsTest.kubernetesDocuments();
        List<Object> env = Y.list(container(docs, "Deployment", "scheduler"), "env");
        env.removeIf(e -> List.of("KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD").contains(Y.text(e, "name")));
        env.add(Repo.yamlDocuments("{ name: KAFKA_SASL_JAAS_CONFIG, valueFrom: { secretKeyRef: "
                + "{ name: settlement-kafka-scheduler, key: password } } }").get(0));
        assertThat(violations(docs)).isEmpty();
    }

    @Test
    void aTrustStoreOrCaPathNoSecretIsMountedAtIsRefused() throws IOException {
        List<Map<String, Object>> docs = DeployManifestsTest.kubernetesDocuments();
        configMap(docs, "scheduler-config").put("KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/settlement/kafka/truststore.p12");
        configMap(docs, "kis-gateway-service-config")
                .put("KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/settlement/kafka-tls/truststore.jks");
        configMap(docs, "ops-console-config").put("SETTLEMENT_DB_URL",
                "jdbc:mariadb://db:3306/settlement?sslMode=verify-full&serverSslCert=/tmp/ca.pem");
        assertThat(violations(docs))
                .anySatisfy(v -> assertThat(v).startsWith("Deployment scheduler")
                        .contains("/etc/settlement/kafka/truststore.p12 is under no volumeMount"))
                .anySatisfy(v -> assertThat(v).startsWith("Deployment kis-gateway-service")
                        .contains("truststore.jks").contains("holds no such file"))
                .anySatisfy(v -> assertThat(v).startsWith("Deployment ops-console")
                        .contains("/tmp/ca.pem is in volume tmp, which is not Secret settlement-db-ca"));
    }

    @Test
    void aSecretTheDocsDoNotListIsRefused() throws IOException {
        List<Map<String, Object>> docs = DeployManifestsTest.kubernetesDocuments();
        secretKeyRef(env(docs, "Deployment", "status-poller-service", "KAFKA_SSL_TRUSTSTORE_PASSWORD"))
                .put("key", "store-password");
        secretKeyRef(env(docs, "Job", "kafka-topics", "KAFKA_SASL_PASSWORD")).put("name", "kafka-admin");
        assertThat(violations(docs))
                .anySatisfy(v -> assertThat(v).startsWith("Deployment status-poller-service")
                        .contains("Secret settlement-kafka-ca has no documented key store-password"))
                .anySatisfy(v -> assertThat(v).startsWith("Job kafka-topics")
                        .contains("Secret kafka-admin is not among the Secrets docs/production.md"));
    }

    @Test
    void aDatabaseUrlWithoutVerificationOrARelayWithoutTlsIsRefused() throws IOException {
        List<Map<String, Object>> docs = DeployManifestsTest.kubernetesDocuments();
        Map<String, Object> poller = configMap(docs, "status-poller-service-config");
        poller.put("POLLER_DB_URL", String.valueOf(poller.get("POLLER_DB_URL")).replace("verify-full", "trust"));
        Map<String, Object> collector = configMap(docs, "collector-service-config");
        collector.remove("SETTLEMENT_OUTBOX_DBSSLMODE");
        collector.put("SETTLEMENT_OUTBOX_DBSSLCA", "/etc/ssl/certs/ca-certificates.crt");
        Map<String, Object> console = configMap(docs, "ops-console-config");
        console.put("SETTLEMENT_DB_URL", "jdbc:mariadb://db:3306/settlement");
        assertThat(violations(docs))
                .anySatisfy(v -> assertThat(v).startsWith("Deployment status-poller-service")
                        .contains("POLLER_DB_URL must verify").contains("sslMode=trust"))
                .anySatisfy(v -> assertThat(v).startsWith("Deployment collector-service")
                        .contains("SETTLEMENT_OUTBOX_DBSSLMODE must be verify_identity but is not set"))
                .anySatisfy(v -> assertThat(v).startsWith("Deployment collector-service")
                        .contains("SETTLEMENT_OUTBOX_DBSSLCA must be the CA file of SETTLEMENT_DB_URL"))
                .anySatisfy(v -> assertThat(v).startsWith("Deployment ops-console")
                        .contains("SETTLEMENT_DB_URL").contains("no serverSslCert"));
    }

    @Test
    void theDocsNameEveryPrincipalAndItsSecret() {
        String doc = Repo.read(Repo.root().resolve("docs/production.md"));
        Map<String, Set<String>> secrets = Repo.documentedSecrets(doc);
        TransportSecurityRules.KAFKA_PRINCIPALS.values().forEach(principal -> {
            assertThat(doc).as("principal " + principal).contains("`" + principal + "`");
            assertThat(secrets.get(TransportSecurityRules.kafkaSecret(principal))).as(principal + "'s Secret")
                    .containsExactlyInAnyOrder("username", "password");
        });
        assertThat(secrets.get(TransportSecurityRules.KAFKA_CA_SECRET))
                .containsExactlyInAnyOrder("truststore.p12", "truststore-password");
        assertThat(secrets.get(TransportSecurityRules.DB_CA_SECRET)).containsExactly("ca.pem");
    }

    @Test
    void aSecretCommandContinuedOverLinesIsReadWhole() {
        String doc = "kubectl create secret generic a --from-literal=user=x \\\n    --from-file=key.pem=./k.pem\n"
                + "kubectl create secret generic b --from-literal=password=y\n";
        assertThat(Repo.documentedSecrets(doc))
                .isEqualTo(Map.of("a", Set.of("user", "key.pem"), "b", Set.of("password")));
    }

    @Test
    void composeMayStayPlaintextButKubernetesMayNot() {
        Map<String, String> collector = DeployManifestsTest.YML_VARS.apply("collector-service");
        Set<String> withoutSecurity = Set.of("KAFKA_BOOTSTRAP_SERVERS", "SETTLEMENT_DB_URL");
        assertThat(EnvironmentRules.check("compose", collector, withoutSecurity, false))
                .noneSatisfy(v -> assertThat(v).contains("KAFKA_SECURITY_PROTOCOL"));
        assertThat(EnvironmentRules.check("k8s", collector, withoutSecurity, true))
                .anySatisfy(v -> assertThat(v).contains("does not set").contains("KAFKA_SECURITY_PROTOCOL")
                        .contains("KAFKA_SASL_USERNAME").contains("KAFKA_SSL_TRUSTSTORE_LOCATION"));
    }

    // --- helpers: the parsed manifests are mutable maps and lists ---

    private static List<String> violations(List<Map<String, Object>> docs) {
        return KubernetesRules.check(docs, DeployManifestsTest.YML_VARS, Repo.documentedSecrets());
    }

    /** From the container's env if it is there, otherwise from the ConfigMap its envFrom names. */
    private static void removeVariable(List<Map<String, Object>> docs, String kind, String workload, String variable) {
        Map<String, Object> container = container(docs, kind, workload);
        if (Y.list(container, "env").removeIf(e -> variable.equals(Y.text(e, "name")))) {
            return;
        }
        String configMap = Y.text(Y.list(container, "envFrom").get(0), "configMapRef", "name");
        assertThat(configMap(docs, configMap).remove(variable)).as(variable + " in " + configMap).isNotNull();
    }

    private static Map<String, Object> container(List<Map<String, Object>> docs, String kind, String workload) {
        Map<String, Object> doc = docs.stream()
                .filter(d -> kind.equals(Y.text(d, "kind")) && workload.equals(Y.text(d, "metadata", "name")))
                .findFirst().orElseThrow();
        return Y.map(Y.list(doc, "spec", "template", "spec", "containers").get(0));
    }

    private static Map<String, Object> env(List<Map<String, Object>> docs, String kind, String workload, String name) {
        return Y.list(container(docs, kind, workload), "env").stream().filter(e -> name.equals(Y.text(e, "name")))
                .map(Y::map).findFirst().orElseThrow();
    }

    private static Map<String, Object> secretKeyRef(Map<String, Object> env) {
        return Y.map(env, "valueFrom", "secretKeyRef");
    }

    private static Map<String, Object> configMap(List<Map<String, Object>> docs, String name) {
        return docs.stream().filter(d -> "ConfigMap".equals(Y.text(d, "kind")) && name.equals(Y.text(d, "metadata", "name")))
                .map(d -> Y.map(d, "data")).findFirst().orElseThrow();
    }
}
