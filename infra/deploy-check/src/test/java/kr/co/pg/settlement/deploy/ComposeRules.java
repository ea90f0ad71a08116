package kr.co.pg.settlement.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules infra/compose/docker-compose.yml follows; {@link #check} lists what is wrong (empty: all good). */
final class ComposeRules {

    static final Set<String> REPLICATED = Set.of("collector-service", "kis-gateway-service", "status-poller-service");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?[?\\-][^}]*)?}");

    /**
     * @param compose     the parsed compose file
     * @param envExample  the text of .env.example
     * @param ymlVarsOf   yml variables of a service by compose service name (null: not one of ours)
     */
    static List<String> check(Map<String, Object> compose, String envExample, Function<String, Map<String, String>> ymlVarsOf) {
        List<String> violations = new ArrayList<>();
        Map<String, Object> services = Y.map(compose, "services");

        List<String> brokers = new ArrayList<>();
        Set<String> nodeIds = new HashSet<>();
        services.forEach((name, service) -> {
            String image = Y.text(service, "image");
            if (image != null && image.startsWith("apache/kafka:") && Y.get(service, "environment", "KAFKA_NODE_ID") != null) {
                brokers.add(name);
                nodeIds.add(Y.text(service, "environment", "KAFKA_NODE_ID"));
                Map<String, Object> env = Y.map(service, "environment");
                if (!String.valueOf(env.get("KAFKA_PROCESS_ROLES")).contains("controller")) {
                    violations.add("broker " + name + ": KRaft needs KAFKA_PROCESS_ROLES with controller");
                }
                expect(violations, "broker " + name, env, "KAFKA_MIN_INSYNC_REPLICAS", "2");
                expect(violations, "broker " + name, env, "KAFKA_DEFAULT_REPLICATION_FACTOR", "3");
                expect(violations, "broker " + name, env, "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3");
                expect(violations, "broker " + name, env, "KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
            }
            if (image != null && image.contains("zookeeper")) {
                violations.add(name + ": ZooKeeper - the cluster is KRaft only");
            }
        });
        if (brokers.size() != 3 || nodeIds.size() != 3) {
            violations.add("expected 3 Kafka brokers (apache/kafka) with distinct KAFKA_NODE_ID, found " + brokers);
        }

        Object mariadb = services.get("mariadb");
        if (mariadb == null || !"mariadb:11.4".equals(Y.text(mariadb, "image"))) {
            violations.add("service mariadb must run image mariadb:11.4");
        } else {
            List<Object> command = Y.list(mariadb, "command");
            for (String flag : List.of("--binlog-format=ROW", "--binlog-row-image=FULL")) {
                if (!command.contains(flag)) {
                    violations.add("mariadb: command lacks " + flag + " (the outbox relay reads the binlog)");
                }
            }
            if (command.stream().noneMatch(c -> String.valueOf(c).startsWith("--log-bin"))) {
                violations.add("mariadb: binlog off (--log-bin)");
            }
        }

        for (String required : List.of("scheduler", "kis-simulator", "prometheus", "grafana", "topic-init")) {
            if (!services.containsKey(required)) {
                violations.add("service " + required + " missing");
            }
        }

        Set<String> exampleKeys = new HashSet<>();
        for (String line : envExample.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                exampleKeys.add(line.substring(0, line.indexOf('=')).trim());
            }
        }

        services.forEach((name, service) -> {
            Map<String, Object> env = Y.map(service, "environment");
            if (Y.get(service, "env_file") != null) {
                violations.add(name + ": env_file hands every secret to every container; name each one in"
                        + " environment as ${VAR:?...}");
            }
            env.forEach((key, value) -> {
                String text = String.valueOf(value);
                Matcher interpolation = INTERPOLATION.matcher(text);
                if (EnvironmentRules.isSecret(key)) {
                    if (!interpolation.matches() || !text.contains(":?")) {
                        violations.add(name + ": " + key + " must be ${" + key + ":?...} from the uncommitted .env,"
                                + " never a value in the file");
                    }
                }
                interpolation.reset();
                while (interpolation.find()) {
                    if (!exampleKeys.contains(interpolation.group(1))) {
                        violations.add(name + ": ${" + interpolation.group(1) + "} is not in .env.example");
                    }
                }
            });
            Map<String, String> ymlVars = ymlVarsOf.apply(name);
            if (ymlVars != null) {
                violations.addAll(EnvironmentRules.check("compose service " + name, ymlVars, env.keySet(), false));
                if (REPLICATED.contains(name)) {
                    Object replicas = Y.get(service, "deploy", "replicas");
                    if (!(replicas instanceof Integer r) || r != 2) {
                        violations.add(name + ": deploy.replicas must be 2 (was " + replicas + ")");
                    }
                }
            }
        });
        for (String name : REPLICATED) {
            if (!services.containsKey(name)) {
                violations.add("service " + name + " missing");
            }
        }
        return violations;
    }

    private static void expect(List<String> violations, String where, Map<String, Object> env, String key, String value) {
        if (!value.equals(String.valueOf(env.get(key)))) {
            violations.add(where + ": " + key + " must be " + value + " (was " + env.get(key) + ")");
        }
    }

    private ComposeRules() {
    }
}
