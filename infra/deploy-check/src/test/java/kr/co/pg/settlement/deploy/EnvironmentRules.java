package kr.co.pg.settlement.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** What environment a container of a service must get, shared by the Kubernetes and the compose rules. */
final class EnvironmentRules {

    /** Names that carry secret values: only from a Secret (Kubernetes) or from the uncommitted .env (compose). */
    static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE_KEY).*|OPS_USERS");
    /** A *_FILE variable holds a path to a secret (mounted), not the secret itself. */
    static final Pattern FILE_REFERENCE = Pattern.compile(".*_FILE$");

    /** Set for every service though no yml names them: JVM and Spring Boot's own relaxed-binding settings. */
    static final Pattern GENERIC = Pattern.compile("JAVA_TOOL_OPTIONS|TZ|(MANAGEMENT|SPRING|LOGGING|SERVER)_[A-Z0-9_]+");

    /**
     * Variables a deployment may leave unset, with the reason: optional TLS material (only with client
     * certificates / private CAs), holidays from the class path by default, partition overrides off by default,
     * LOG_FORMAT (empty: plain-text logs; ecs for JSON lines).
     * A secret that has a file alternative (KIS_SECRET / KIS_SECRET_FILE) needs one of the two.
     */
    static final Pattern OPTIONAL = Pattern.compile(
            "KIS_TLS_.*|KIS_SIMULATOR_TLS_.*|SCHEDULER_HOLIDAYS_DIR|SETTLEMENT_TOPIC_PARTITIONS|LOG_FORMAT");

    /** Kafka transport security (docs/production.md "Kafka security"); required in Kubernetes, see TransportSecurityRules. */
    static final Pattern KAFKA_SECURITY = Pattern.compile("KAFKA_SECURITY_PROTOCOL|KAFKA_SSL_TRUSTSTORE_(LOCATION|PASSWORD|TYPE)"
            + "|KAFKA_SASL_(MECHANISM|USERNAME|PASSWORD|JAAS_CONFIG)");

    /**
     * Read without a placeholder in the yml, allowed where the yml reads the marker variable: the ops console takes
     * the Kafka security variables straight from the environment (OpsEnvironment), the collector's outbox relay its
     * TLS settings by relaxed binding (settlement.outbox.db-ssl-mode, db-ssl-ca).
     */
    static final Map<Pattern, String> READ_WITHOUT_PLACEHOLDER = Map.of(
            KAFKA_SECURITY, "KAFKA_BOOTSTRAP_SERVERS",
            Pattern.compile("SETTLEMENT_OUTBOX_DBSSL(MODE|CA)"), "SETTLEMENT_OUTBOX_SERVER_ID");

    /** A whole sasl.jaas.config replaces the SCRAM user and password (and the other way round). */
    private static final String JAAS_CONFIG = "KAFKA_SASL_JAAS_CONFIG";
    private static final Set<String> SCRAM_USER = Set.of("KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD");

    /** Must be set wherever the service runs: what differs between environments (compose checks only these). */
    static final Pattern ENVIRONMENT_SPECIFIC = Pattern.compile(
            ".*_DB_(URL|USER|PASSWORD)|KAFKA_BOOTSTRAP_SERVERS|KIS_BASE_URL|KIS_CLIENT_ID|KIS_SECRET(_FILE)?"
                    + "|KIS_SIMULATOR_SECRET_FILE|SETTLEMENT_OUTBOX_SERVER_ID"
                    + "|SERVER_PORT|KIS_SIMULATOR_PORT|OPS_USERS|COLLECTOR_URL|SCHEDULER_URL"
                    // unset, every endpoint but health and the probes answers 401 (SECURITY.md)
                    + "|SETTLEMENT_MANAGEMENT_(USER|PASSWORD)");

    /**
     * @param where     for messages, e.g. "k8s Deployment collector-service"
     * @param ymlVars   the service yml's variables (name -> default or null)
     * @param set       the names the deployment sets
     * @param everyOne  true: every variable of the yml must be set (explicit configuration, Kubernetes); false: only
     *                  those without a default and the environment-specific ones (compose)
     */
    static List<String> check(String where, Map<String, String> ymlVars, Set<String> set, boolean everyOne) {
        List<String> violations = new ArrayList<>();
        Set<String> missing = new TreeSet<>();
        for (Map.Entry<String, String> variable : ymlVars.entrySet()) {
            String name = variable.getKey();
            if (set.contains(name) || OPTIONAL.matcher(name).matches()) {
                continue;
            }
            String fileAlternative = name + "_FILE";
            String plainAlternative = name.endsWith("_FILE") ? name.substring(0, name.length() - 5) : null;
            if ((ymlVars.containsKey(fileAlternative) && set.contains(fileAlternative))
                    || (plainAlternative != null && ymlVars.containsKey(plainAlternative) && set.contains(plainAlternative))) {
                continue;
            }
            if (name.equals(JAAS_CONFIG) && set.containsAll(SCRAM_USER) || SCRAM_USER.contains(name) && set.contains(JAAS_CONFIG)) {
                continue;
            }
            if (name.equals("KIS_SECRET") && set.contains("KIS_SIMULATOR_SECRET_FILE")
                    || name.equals("KIS_SIMULATOR_SECRET_FILE") && set.contains("KIS_SECRET")) {
                continue;
            }
            boolean required = everyOne || variable.getValue() == null || ENVIRONMENT_SPECIFIC.matcher(name).matches();
            if (required) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            violations.add(where + ": does not set " + missing + " that its yml reads ("
                    + (everyOne ? "add each to the service's ConfigMap in infra/k8s with the yml's default, or to"
                    + " EnvironmentRules.OPTIONAL with the reason it may stay unset)"
                    : "add each to the service's environment in infra/compose/docker-compose.yml)"));
        }
        Set<String> unknown = new TreeSet<>();
        for (String name : set) {
            if (!ymlVars.containsKey(name) && !GENERIC.matcher(name).matches() && !readWithoutPlaceholder(name, ymlVars)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            violations.add(where + ": sets " + unknown + " that its yml never reads (misspelt or stale)");
        }
        return violations;
    }

    private static boolean readWithoutPlaceholder(String name, Map<String, String> ymlVars) {
        return READ_WITHOUT_PLACEHOLDER.entrySet().stream()
                .anyMatch(e -> e.getKey().matcher(name).matches() && ymlVars.containsKey(e.getValue()));
    }

    static boolean isSecret(String name) {
        return SECRET_NAME.matcher(name).matches() && !FILE_REFERENCE.matcher(name).matches();
    }

    private EnvironmentRules() {
    }
}
