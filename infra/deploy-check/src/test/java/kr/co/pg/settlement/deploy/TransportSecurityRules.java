package kr.co.pg.settlement.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.co.pg.settlement.deploy.KubernetesRules.ContainerEnv;
import kr.co.pg.settlement.deploy.KubernetesRules.SecretKey;

/**
 * Kafka and MariaDB transport security of a Kubernetes container (docs/production.md "Deploying with TLS and SCRAM"):
 * every Kafka client on SASL_SSL with SCRAM-SHA-512 as its own principal (the topic ACLs name it), the cluster CA's
 * trust store a file of a mounted Secret, every MariaDB URL verifying the server's certificate and host name against
 * a mounted CA, the outbox relay likewise.
 */
final class TransportSecurityRules {

    /** Workload (Deployment or Job) -> its SCRAM principal, as the ACL table of docs/production.md names it. */
    static final Map<String, String> KAFKA_PRINCIPALS = Map.of(
            "collector-service", "collector",
            "kis-gateway-service", "gateway",
            "status-poller-service", "poller",
            "scheduler", "scheduler",
            "ops-console", "ops",
            "kafka-topics", "topic-admin");
    static final String KAFKA_CA_SECRET = "settlement-kafka-ca";
    static final String DB_CA_SECRET = "settlement-db-ca";
    static final Set<String> TRUST_STORE_TYPES = Set.of("PKCS12", "JKS");

    static String kafkaSecret(String principal) {
        return "settlement-kafka-" + principal;
    }

    static List<String> check(String cid, String workload, ContainerEnv env, Object container, Map<String, Object> podSpec,
                              Map<String, Set<String>> documentedSecrets) {
        Check check = new Check(cid, env, container, podSpec, documentedSecrets);
        if (env.values().containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
            check.kafka(workload);
        }
        env.values().forEach((name, value) -> {
            if (name.endsWith("_DB_URL") && value != null && value.startsWith("jdbc:mariadb:")) {
                check.database(name, value);
            }
        });
        if (env.names().contains("SETTLEMENT_OUTBOX_RELAY_ENABLED")
                && !"false".equalsIgnoreCase(env.values().get("SETTLEMENT_OUTBOX_RELAY_ENABLED"))) {
            check.outboxRelay();
        }
        return check.violations;
    }

    /** The JDBC URL's options (after '?', '&'-separated). */
    static Map<String, String> jdbcOptions(String url) {
        Map<String, String> options = new HashMap<>();
        int query = url.indexOf('?');
        if (query >= 0) {
            for (String option : url.substring(query + 1).split("&")) {
                int eq = option.indexOf('=');
                options.put(eq < 0 ? option : option.substring(0, eq), eq < 0 ? "" : option.substring(eq + 1));
            }
        }
        return options;
    }

    private static final class Check {
        private final String cid;
        private final ContainerEnv env;
        private final Object container;
        private final Map<String, Object> podSpec;
        private final Map<String, Set<String>> documentedSecrets;
        private final List<String> violations = new ArrayList<>();

        Check(String cid, ContainerEnv env, Object container, Map<String, Object> podSpec,
              Map<String, Set<String>> documentedSecrets) {
            this.cid = cid;
            this.env = env;
            this.container = container;
            this.podSpec = podSpec;
            this.documentedSecrets = documentedSecrets;
        }

        void kafka(String workload) {
            expectValue("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
            expectValue("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
            String principal = KAFKA_PRINCIPALS.get(workload);
            if (principal == null) {
                violations.add(cid + ": talks to Kafka but has no SCRAM principal (add it to"
                        + " TransportSecurityRules.KAFKA_PRINCIPALS and to the topic ACLs of docs/production.md)");
            } else {
                String secret = kafkaSecret(principal);
                SecretKey jaas = env.secretRefs().get("KAFKA_SASL_JAAS_CONFIG");
                boolean ownJaas = jaas != null && jaas.secret().equals(secret);
                boolean ownUser = new SecretKey(secret, "username").equals(env.secretRefs().get("KAFKA_SASL_USERNAME"))
                        && new SecretKey(secret, "password").equals(env.secretRefs().get("KAFKA_SASL_PASSWORD"));
                if (!ownJaas && !ownUser) {
                    violations.add(cid + ": KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD must come from secretKeyRef "
                            + secret + " keys username and password (its own principal " + principal
                            + ", whose ACLs docs/production.md lists), or KAFKA_SASL_JAAS_CONFIG from that Secret");
                }
            }
            String location = env.values().get("KAFKA_SSL_TRUSTSTORE_LOCATION");
            if (location == null || location.isBlank()) {
                violations.add(cid + ": KAFKA_SSL_TRUSTSTORE_LOCATION not set: the path of the cluster CA trust store,"
                        + " mounted from Secret " + KAFKA_CA_SECRET);
            } else {
                expectMountedFrom("KAFKA_SSL_TRUSTSTORE_LOCATION", location, KAFKA_CA_SECRET);
            }
            SecretKey password = env.secretRefs().get("KAFKA_SSL_TRUSTSTORE_PASSWORD");
            if (password == null || !password.secret().equals(KAFKA_CA_SECRET)) {
                violations.add(cid + ": KAFKA_SSL_TRUSTSTORE_PASSWORD must come from secretKeyRef " + KAFKA_CA_SECRET
                        + " (the trust store's password, next to the store)");
            }
            String type = env.values().get("KAFKA_SSL_TRUSTSTORE_TYPE");
            if (type == null || !TRUST_STORE_TYPES.contains(type)) {
                violations.add(cid + ": KAFKA_SSL_TRUSTSTORE_TYPE must be one of " + TRUST_STORE_TYPES + " but is "
                        + (type == null ? "not set" : type));
            }
        }

        void database(String variable, String url) {
            Map<String, String> options = jdbcOptions(url);
            if (!"verify-full".equals(options.get("sslMode"))) {
                violations.add(cid + ": " + variable + " must verify the server's certificate and host name"
                        + " (sslMode=verify-full) but has sslMode=" + options.get("sslMode"));
            }
            String ca = options.get("serverSslCert");
            if (ca == null || ca.isBlank()) {
                violations.add(cid + ": " + variable + " has no serverSslCert (the CA file mounted from Secret "
                        + DB_CA_SECRET + ")");
            } else {
                expectMountedFrom(variable + " serverSslCert", ca, DB_CA_SECRET);
            }
        }

        void outboxRelay() {
            expectValue("SETTLEMENT_OUTBOX_DBSSLMODE", "verify_identity");
            String url = env.values().get("SETTLEMENT_DB_URL");
            String expectedCa = url == null ? null : jdbcOptions(url).get("serverSslCert");
            String ca = env.values().get("SETTLEMENT_OUTBOX_DBSSLCA");
            if (ca == null || !ca.equals(expectedCa)) {
                violations.add(cid + ": SETTLEMENT_OUTBOX_DBSSLCA must be the CA file of SETTLEMENT_DB_URL ("
                        + expectedCa + ") but is " + ca);
            }
        }

        private void expectValue(String variable, String expected) {
            String actual = env.values().get(variable);
            if (!expected.equals(actual)) {
                violations.add(cid + ": " + variable + " must be " + expected + " but is "
                        + (actual == null ? "not set" : actual));
            }
        }

        /** The file lies in a volumeMount of this container whose volume is the Secret, projected under that name. */
        private void expectMountedFrom(String variable, String path, String secret) {
            for (Object mount : Y.list(container, "volumeMounts")) {
                String mountPath = Y.text(mount, "mountPath");
                String subPath = Y.text(mount, "subPath");
                String relative;
                if (subPath != null) {
                    relative = path.equals(mountPath) ? subPath : null;
                } else {
                    String dir = mountPath.endsWith("/") ? mountPath : mountPath + "/";
                    relative = path.startsWith(dir) ? path.substring(dir.length()) : null;
                }
                if (relative == null) {
                    continue;
                }
                Object volume = Y.list(podSpec, "volumes").stream()
                        .filter(v -> Y.text(mount, "name").equals(Y.text(v, "name"))).findFirst().orElse(null);
                String volumeSecret = Y.text(volume, "secret", "secretName");
                if (!secret.equals(volumeSecret)) {
                    violations.add(cid + ": " + variable + " " + path + " is in volume " + Y.text(mount, "name")
                            + ", which is not Secret " + secret);
                    return;
                }
                List<Object> items = Y.list(volume, "secret", "items");
                String key = items.isEmpty() ? relative : items.stream()
                        .filter(i -> relative.equals(Y.text(i, "path"))).map(i -> Y.text(i, "key")).findFirst()
                        .orElse(null);
                Set<String> keys = documentedSecrets.getOrDefault(secret, Set.of());
                if (key == null || !keys.contains(key)) {
                    violations.add(cid + ": " + variable + " " + path + ": Secret " + secret + " mounted at " + mountPath
                            + " holds no such file (its items/documented keys: " + keys + ")");
                }
                return;
            }
            violations.add(cid + ": " + variable + " " + path + " is under no volumeMount of the container (mount"
                    + " Secret " + secret + " there)");
        }
    }

    private TransportSecurityRules() {
    }
}
