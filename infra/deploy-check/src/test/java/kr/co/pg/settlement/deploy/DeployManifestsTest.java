package kr.co.pg.settlement.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kr.co.pg.settlement.events.Topics;
import org.junit.jupiter.api.Test;

/**
 * infra/k8s and infra/compose against the code: probes, resources, secrets only by reference, a PodDisruptionBudget
 * per Deployment, every variable the services' yml files read, every topic of {@link Topics} with replication 3 and
 * min.insync.replicas 2. Broken manifests written here prove that the rules fail.
 */
class DeployManifestsTest {

    static final Function<String, Map<String, String>> YML_VARS = name -> {
        Repo.Service service = Repo.SERVICES.get(name);
        return service == null ? null : service.environmentVariables();
    };

    // --- Kubernetes ---

    @Test
    void kubernetesManifestsFollowTheRules() throws IOException {
        List<Map<String, Object>> documents = kubernetesDocuments();
        assertThat(KubernetesRules.check(documents, YML_VARS, Repo.documentedSecrets())).isEmpty();
    }

    @Test
    void everyServiceHasADeploymentWithTwoReplicasWhereItMatters() throws IOException {
        Map<String, Integer> replicas = new LinkedHashMap<>();
        for (Map<String, Object> doc : kubernetesDocuments()) {
            if ("Deployment".equals(Y.text(doc, "kind"))) {
                replicas.put(Y.text(doc, "metadata", "name"), (Integer) Y.get(doc, "spec", "replicas"));
            }
        }
        assertThat(replicas.keySet()).containsExactlyInAnyOrderElementsOf(Repo.SERVICES.keySet());
        for (String service : List.of("collector-service", "kis-gateway-service", "status-poller-service")) {
            assertThat(replicas.get(service)).as(service + " replicas").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void theKustomizationListsEveryManifestButTheSimulator() throws IOException {
        Path dir = Repo.root().resolve("infra/k8s");
        Map<String, Object> kustomization = Repo.yamlDocuments(Repo.read(dir.resolve("kustomization.yaml"))).get(0);
        List<String> expected;
        try (Stream<Path> files = Files.list(dir)) {
            expected = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml") && !n.equals("kis-simulator.yaml"))
                    .sorted().toList();
        }
        assertThat(Y.list(kustomization, "resources")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aBrokenDeploymentIsReportedFaultByFault() {
        String broken = """
                apiVersion: v1
                kind: ConfigMap
                metadata: { name: broken-config, namespace: kis-settlement }
                data:
                  KAFKA_BOOTSTRAP_SERVERS: kafka:9092
                  SETTLEMENT_DB_PASSWORD: hunter2
                ---
                apiVersion: v1
                kind: Secret
                metadata: { name: kis-credentials, namespace: kis-settlement }
                stringData: { hmac-secret: not-in-git }
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: collector-service, namespace: kis-settlement }
                spec:
                  replicas: 2
                  selector: { matchLabels: { app: collector } }
                  template:
                    metadata: { labels: { app: collector } }
                    spec:
                      containers:
                        - name: collector
                          image: kis-settlement/collector-service:0.1.0-SNAPSHOT
                          ports: [ { name: http, containerPort: 8080 } ]
                          envFrom: [ { configMapRef: { name: broken-config } }, { secretRef: { name: everything } } ]
                          env:
                            - { name: KIS_SECRET, value: plain-text-key }
                            - { name: SETTLEMENT_DB_UESR, value: settlement }
                            - { name: JAVA_TOOL_OPTIONS, value: -Xmx700m }
                          readinessProbe: { httpGet: { path: /actuator/health, port: http } }
                          resources: { limits: { memory: 512Mi } }
                """;
        List<String> violations = KubernetesRules.check(Repo.yamlDocuments(broken), YML_VARS, Repo.documentedSecrets());
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("Secret kis-credentials").contains("never committed"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("ConfigMap broken-config").contains("SETTLEMENT_DB_PASSWORD"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("KIS_SECRET").contains("secretKeyRef"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("envFrom.secretRef"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("no livenessProbe"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("readinessProbe path must be /actuator/health/readiness"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("resources.requests.cpu missing"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("memory limit 512Mi below 768Mi"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("heap 700 MiB"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("PodDisruptionBudget").contains("found 0"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("no Service selects its pods"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("does not set").contains("SETTLEMENT_DB_URL"));
        assertThat(violations).anySatisfy(v -> assertThat(v).contains("SETTLEMENT_DB_UESR").contains("never reads"));
    }

    @Test
    void aBudgetThatBlocksEveryDrainIsReported() {
        String manifests = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: scheduler, namespace: kis-settlement }
                spec:
                  replicas: 1
                  selector: { matchLabels: { app: scheduler } }
                  template: { metadata: { labels: { app: scheduler } }, spec: { containers: [] } }
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata: { name: scheduler, namespace: kis-settlement }
                spec: { minAvailable: 1, selector: { matchLabels: { app: scheduler } } }
                """;
        assertThat(KubernetesRules.check(Repo.yamlDocuments(manifests), YML_VARS, Repo.documentedSecrets()))
                .anySatisfy(v -> assertThat(v).contains("blocks every node drain"))
                .anySatisfy(v -> assertThat(v).contains("no containers"));
    }

    // --- compose ---

    @Test
    void composeFileFollowsTheRules() {
        assertThat(ComposeRules.check(compose(), envExample(), YML_VARS)).isEmpty();
    }

    @Test
    void theRealEnvFileIsIgnoredAndTheExampleHoldsOnlyPlaceholders() {
        Path dir = Repo.root().resolve("infra/compose");
        assertThat(Repo.read(dir.resolve(".gitignore")).lines()).contains(".env");
        for (String line : envExample().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                assertThat(line).as(".env.example line").matches("[A-Z0-9_]+=change-me-[a-z0-9-]+");
            }
        }
    }

    @Test
    void aComposeFileWithSecretsOrTheWrongClusterIsReported() {
        String broken = """
                services:
                  kafka-0: { image: 'apache/kafka:4.2.1', environment: { KAFKA_NODE_ID: '1', KAFKA_PROCESS_ROLES: broker } }
                  zookeeper: { image: 'zookeeper:3.9' }
                  mariadb: { image: 'mariadb:11.4', command: ['--log-bin=x', '--binlog-format=MIXED'] }
                  collector-service:
                    image: kis-settlement/collector-service:0.1.0-SNAPSHOT
                    env_file: .env
                    environment:
                      SETTLEMENT_DB_PASSWORD: hunter2
                      KAFKA_BOOTSTRAP_SERVERS: ${KAFKA_HOSTS:-kafka:9092}
                """;
        List<String> violations = ComposeRules.check(Repo.yamlDocuments(broken).get(0), "X=change-me-x\n", YML_VARS);
        assertThat(violations)
                .anySatisfy(v -> assertThat(v).contains("KRaft needs KAFKA_PROCESS_ROLES with controller"))
                .anySatisfy(v -> assertThat(v).contains("expected 3 Kafka brokers"))
                .anySatisfy(v -> assertThat(v).contains("zookeeper"))
                .anySatisfy(v -> assertThat(v).contains("--binlog-format=ROW"))
                .anySatisfy(v -> assertThat(v).contains("--binlog-row-image=FULL"))
                .anySatisfy(v -> assertThat(v).contains("env_file"))
                .anySatisfy(v -> assertThat(v).contains("SETTLEMENT_DB_PASSWORD must be ${SETTLEMENT_DB_PASSWORD:?"))
                .anySatisfy(v -> assertThat(v).contains("${KAFKA_HOSTS} is not in .env.example"))
                .anySatisfy(v -> assertThat(v).contains("deploy.replicas must be 2"))
                .anySatisfy(v -> assertThat(v).contains("does not set").contains("SETTLEMENT_DB_URL"))
                .anySatisfy(v -> assertThat(v).contains("service kis-gateway-service missing"));
    }

    // --- topics ---

    @Test
    void bothTopicScriptsCreateExactlyTheTopicsOfTopicsWithReplication3AndMinInsync2() throws IOException {
        String compose = Repo.read(Repo.root().resolve("infra/compose/create-topics.sh"));
        String k8s = Y.text(kubernetesDocuments().stream()
                .filter(d -> "kafka-topics-script".equals(Y.text(d, "metadata", "name"))).findFirst().orElseThrow(),
                "data", "create-topics.sh");
        for (String script : List.of(compose, k8s)) {
            assertThat(topicsCreatedBy(script)).isEqualTo(expectedTopics());
            assertThat(script).contains("--replication-factor 3").contains("min.insync.replicas=2")
                    .contains("retention.ms=" + Topics.RETENTION.toMillis())
                    .contains("max.message.bytes=" + Topics.MAX_MESSAGE_BYTES)
                    .contains("--if-not-exists");
        }
        assertThat(k8s.strip()).as("the Job runs the same script as compose").isEqualTo(compose.strip());
    }

    @Test
    void aScriptMissingATopicIsReported() {
        String script = "topic settlement.kickoff.v1 4\n";
        assertThat(topicsCreatedBy(script)).isNotEqualTo(expectedTopics());
    }

    @Test
    void everyYamlFileOfTheDeploymentParses() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("infra/k8s", "infra/compose", "infra/observability")) {
            try (Stream<Path> walk = Files.walk(Repo.root().resolve(dir))) {
                walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(11);
        for (Path file : files) {
            assertThat(Repo.yamlDocuments(Repo.read(file))).as(file.toString()).isNotEmpty();
        }
    }

    // --- helpers ---

    private static Map<String, Integer> expectedTopics() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        Topics.all().forEach(t -> expected.put(t.name(), t.partitions()));
        return expected;
    }

    private static Map<String, Integer> topicsCreatedBy(String script) {
        Map<String, Integer> topics = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*topic (\\S+) (\\d+)\\s*$").matcher(script);
        while (m.find()) {
            topics.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return topics;
    }

    static List<Map<String, Object>> kubernetesDocuments() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(Repo.root().resolve("infra/k8s"))) {
            List<Path> manifests = files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted().toList();
            assertThat(manifests).isNotEmpty();
            for (Path manifest : manifests) {
                documents.addAll(Repo.yamlDocuments(Repo.read(manifest)));
            }
        }
        return documents;
    }

    private static Map<String, Object> compose() {
        return Repo.yamlDocuments(Repo.read(Repo.root().resolve("infra/compose/docker-compose.yml"))).get(0);
    }

    private static String envExample() {
        return Repo.read(Repo.root().resolve("infra/compose/.env.example"));
    }
}
