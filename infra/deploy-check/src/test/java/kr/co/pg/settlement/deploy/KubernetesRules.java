package kr.co.pg.settlement.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules every Kubernetes manifest of infra/k8s follows. {@link #check} returns what is wrong (empty: all good),
 * one readable line per fault, so a test can show them all at once and a broken manifest can prove the rules bite.
 */
final class KubernetesRules {

    static final String NAMESPACE = "kis-settlement";
    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";
    /** Heap 512 MiB plus room for metaspace, threads and Kafka/Netty buffers. */
    static final long MIN_MEMORY_LIMIT_MIB = 768;
    static final long NON_HEAP_MIB = 256;

    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([mMgG])");

    /** What a container's environment holds: literal values (also from ConfigMaps) and references to Secrets. */
    record ContainerEnv(Set<String> names, Map<String, String> values, Map<String, SecretKey> secretRefs) {
    }

    record SecretKey(String secret, String key) {
    }

    /**
     * @param documents         every document of every manifest file
     * @param ymlVarsOf         the yml variables of the service a Deployment runs (by Deployment name); null = unknown
     *                          Deployment (a violation)
     * @param documentedSecrets the Secrets operators are told to create (name -> keys, {@link Repo#documentedSecrets})
     */
    static List<String> check(List<Map<String, Object>> documents, Function<String, Map<String, String>> ymlVarsOf,
                              Map<String, Set<String>> documentedSecrets) {
        List<String> violations = new ArrayList<>();
        Map<String, Map<String, Object>> configMaps = new HashMap<>();
        List<Map<String, Object>> deployments = new ArrayList<>();
        List<Map<String, Object>> jobs = new ArrayList<>();
        List<Map<String, Object>> budgets = new ArrayList<>();
        List<Map<String, Object>> services = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> doc : documents) {
            String kind = Y.text(doc, "kind");
            if ("Kustomization".equals(kind)) {
                continue;
            }
            String name = Y.text(doc, "metadata", "name");
            if (Y.text(doc, "apiVersion") == null || kind == null || name == null) {
                violations.add("a document without apiVersion, kind or metadata.name: " + abbreviate(doc));
                continue;
            }
            String id = kind + " " + name;
            if (!seen.add(id)) {
                violations.add(id + ": defined twice");
            }
            if (!"Namespace".equals(kind) && !NAMESPACE.equals(Y.text(doc, "metadata", "namespace"))) {
                violations.add(id + ": metadata.namespace must be " + NAMESPACE);
            }
            switch (kind) {
                case "Secret" -> violations.add(id + ": secret values are never committed; create the Secret"
                        + " with kubectl (docs/production.md) and reference it with secretKeyRef");
                case "ConfigMap" -> {
                    configMaps.put(name, doc);
                    for (Map.Entry<String, Object> entry : Y.map(doc, "data").entrySet()) {
                        if (EnvironmentRules.isSecret(entry.getKey()) && !String.valueOf(entry.getValue()).isEmpty()) {
                            violations.add(id + ": key " + entry.getKey() + " looks like a secret: use a Secret"
                                    + " and secretKeyRef");
                        }
                    }
                }
                case "Deployment" -> deployments.add(doc);
                case "Job" -> jobs.add(doc);
                case "PodDisruptionBudget" -> budgets.add(doc);
                case "Service" -> services.add(doc);
                default -> {
                }
            }
        }
        for (Map<String, Object> deployment : deployments) {
            checkDeployment(deployment, configMaps, budgets, services, ymlVarsOf, documentedSecrets, violations);
        }
        for (Map<String, Object> job : jobs) {
            String name = Y.text(job, "metadata", "name");
            Map<String, Object> podSpec = Y.map(job, "spec", "template", "spec");
            checkPodSecrets("Job " + name, podSpec, documentedSecrets, violations);
            for (Object container : Y.list(podSpec, "containers")) {
                String cid = "Job " + name + " container " + Y.text(container, "name");
                ContainerEnv env = collectEnvironment(cid, container, configMaps, documentedSecrets, violations);
                violations.addAll(TransportSecurityRules.check(cid, name, env, container, podSpec, documentedSecrets));
            }
        }
        return violations;
    }

    /** Every Secret a pod mounts is one operators are told to create, with the keys it projects. */
    private static void checkPodSecrets(String id, Map<String, Object> podSpec, Map<String, Set<String>> documentedSecrets,
                                        List<String> violations) {
        for (Object volume : Y.list(podSpec, "volumes")) {
            String secret = Y.text(volume, "secret", "secretName");
            if (secret == null) {
                continue;
            }
            List<Object> items = Y.list(volume, "secret", "items");
            if (items.isEmpty()) {
                checkDocumented(id + " volume " + Y.text(volume, "name"), secret, null, documentedSecrets, violations);
            }
            for (Object item : items) {
                checkDocumented(id + " volume " + Y.text(volume, "name"), secret, Y.text(item, "key"), documentedSecrets,
                        violations);
            }
        }
    }

    private static void checkDocumented(String where, String secret, String key, Map<String, Set<String>> documentedSecrets,
                                        List<String> violations) {
        Set<String> keys = documentedSecrets.get(secret);
        if (keys == null) {
            violations.add(where + ": Secret " + secret + " is not among the Secrets docs/production.md tells operators"
                    + " to create (kubectl create secret generic ...; documented: " + documentedSecrets.keySet() + ")");
        } else if (key != null && !keys.contains(key)) {
            violations.add(where + ": Secret " + secret + " has no documented key " + key + " (documented: " + keys + ")");
        }
    }

    private static void checkDeployment(Map<String, Object> deployment, Map<String, Map<String, Object>> configMaps,
                                        List<Map<String, Object>> budgets, List<Map<String, Object>> services,
                                        Function<String, Map<String, String>> ymlVarsOf,
                                        Map<String, Set<String>> documentedSecrets, List<String> violations) {
        String name = Y.text(deployment, "metadata", "name");
        String id = "Deployment " + name;
        Map<String, Object> selector = Y.map(deployment, "spec", "selector", "matchLabels");
        Map<String, Object> podLabels = Y.map(deployment, "spec", "template", "metadata", "labels");
        int replicas = Y.get(deployment, "spec", "replicas") instanceof Integer r ? r : 1;
        if (selector.isEmpty() || !podLabels.entrySet().containsAll(selector.entrySet())) {
            violations.add(id + ": spec.selector.matchLabels must be non-empty and match the pod labels");
        }

        long budgetsForIt = budgets.stream()
                .filter(b -> Objects.equals(Y.map(b, "spec", "selector", "matchLabels"), selector)).count();
        if (budgetsForIt != 1) {
            violations.add(id + ": needs exactly one PodDisruptionBudget with selector " + selector + " (found "
                    + budgetsForIt + ")");
        }
        budgets.stream().filter(b -> Objects.equals(Y.map(b, "spec", "selector", "matchLabels"), selector))
                .forEach(b -> {
                    Object minAvailable = Y.get(b, "spec", "minAvailable");
                    if (minAvailable instanceof Integer min && min >= replicas) {
                        violations.add(id + ": its PodDisruptionBudget minAvailable " + min + " >= replicas "
                                + replicas + " blocks every node drain");
                    }
                });
        boolean hasService = services.stream()
                .anyMatch(s -> !Y.map(s, "spec", "selector").isEmpty()
                        && podLabels.entrySet().containsAll(Y.map(s, "spec", "selector").entrySet()));
        if (!hasService) {
            violations.add(id + ": no Service selects its pods");
        }

        Map<String, Object> podSpec = Y.map(deployment, "spec", "template", "spec");
        List<Object> containers = Y.list(podSpec, "containers");
        if (containers.isEmpty()) {
            violations.add(id + ": no containers");
        }
        checkPodSecrets(id, podSpec, documentedSecrets, violations);
        for (Object container : containers) {
            String cid = id + " container " + Y.text(container, "name");
            if (Y.text(container, "image") == null || Y.text(container, "image").isBlank()) {
                violations.add(cid + ": no image");
            }
            Set<String> portNames = new HashSet<>();
            for (Object port : Y.list(container, "ports")) {
                portNames.add(Y.text(port, "name"));
                portNames.add(Y.text(port, "containerPort"));
            }
            checkProbe(cid, container, "livenessProbe", LIVENESS, portNames, violations);
            checkProbe(cid, container, "readinessProbe", READINESS, portNames, violations);

            ContainerEnv env = collectEnvironment(cid, container, configMaps, documentedSecrets, violations);
            Set<String> envNames = env.names();
            Map<String, String> envValues = env.values();

            checkResources(cid, container, envValues.get("JAVA_TOOL_OPTIONS"), violations);

            Map<String, String> ymlVars = ymlVarsOf.apply(name);
            if (ymlVars == null) {
                violations.add(id + ": no service configuration known for this Deployment name");
            } else {
                violations.addAll(EnvironmentRules.check(cid, ymlVars, envNames, true));
            }
            violations.addAll(TransportSecurityRules.check(cid, name, env, container, podSpec, documentedSecrets));
        }
    }

    private static ContainerEnv collectEnvironment(String cid, Object container, Map<String, Map<String, Object>> configMaps,
                                                   Map<String, Set<String>> documentedSecrets, List<String> violations) {
        Set<String> envNames = new HashSet<>();
        Map<String, String> envValues = new HashMap<>();
        Map<String, SecretKey> secretRefs = new HashMap<>();
        for (Object env : Y.list(container, "env")) {
            String envName = Y.text(env, "name");
            envNames.add(envName);
            Object valueFrom = Y.get(env, "valueFrom");
            if (EnvironmentRules.isSecret(envName) && Y.get(env, "valueFrom", "secretKeyRef") == null) {
                violations.add(cid + ": env " + envName + " must come from valueFrom.secretKeyRef, never a value");
            }
            if (valueFrom == null) {
                envValues.put(envName, Y.text(env, "value"));
            }
            String configMapName = Y.text(env, "valueFrom", "configMapKeyRef", "name");
            if (configMapName != null && !configMaps.containsKey(configMapName)) {
                violations.add(cid + ": env " + envName + " refers to missing ConfigMap " + configMapName);
            } else if (configMapName != null) {
                String key = Y.text(env, "valueFrom", "configMapKeyRef", "key");
                String value = Y.text(configMaps.get(configMapName), "data", key);
                if (value == null) {
                    violations.add(cid + ": env " + envName + " refers to key " + key + " that ConfigMap "
                            + configMapName + " does not have");
                } else {
                    envValues.put(envName, value);
                }
            }
            String secret = Y.text(env, "valueFrom", "secretKeyRef", "name");
            if (secret != null) {
                String key = Y.text(env, "valueFrom", "secretKeyRef", "key");
                secretRefs.put(envName, new SecretKey(secret, key));
                checkDocumented(cid + " env " + envName, secret, key, documentedSecrets, violations);
            }
        }
        for (Object source : Y.list(container, "envFrom")) {
            if (Y.get(source, "secretRef") != null) {
                violations.add(cid + ": envFrom.secretRef - reference each secret with secretKeyRef");
            }
            String configMapName = Y.text(source, "configMapRef", "name");
            if (configMapName != null) {
                Map<String, Object> configMap = configMaps.get(configMapName);
                if (configMap == null) {
                    violations.add(cid + ": envFrom refers to missing ConfigMap " + configMapName);
                } else {
                    Y.map(configMap, "data").forEach((k, v) -> {
                        envNames.add(k);
                        envValues.putIfAbsent(k, String.valueOf(v));
                    });
                }
            }
        }
        return new ContainerEnv(envNames, envValues, secretRefs);
    }

    private static void checkProbe(String cid, Object container, String probe, String path, Set<String> portNames,
                                   List<String> violations) {
        Object httpGet = Y.get(container, probe, "httpGet");
        if (httpGet == null) {
            violations.add(cid + ": no " + probe + ".httpGet");
            return;
        }
        if (!path.equals(Y.text(httpGet, "path"))) {
            violations.add(cid + ": " + probe + " path must be " + path + " but is " + Y.text(httpGet, "path"));
        }
        if (!portNames.contains(Y.text(httpGet, "port"))) {
            violations.add(cid + ": " + probe + " port " + Y.text(httpGet, "port") + " is not a container port");
        }
    }

    private static void checkResources(String cid, Object container, String javaToolOptions, List<String> violations) {
        for (String bound : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (Y.get(container, "resources", bound, resource) == null) {
                    violations.add(cid + ": resources." + bound + "." + resource + " missing");
                }
            }
        }
        String limit = Y.text(container, "resources", "limits", "memory");
        if (limit == null) {
            return;
        }
        long limitMib = mebibytes(limit);
        if (limitMib < MIN_MEMORY_LIMIT_MIB) {
            violations.add(cid + ": memory limit " + limit + " below " + MIN_MEMORY_LIMIT_MIB + "Mi (heap 512 MiB)");
        }
        Matcher xmx = javaToolOptions == null ? null : XMX.matcher(javaToolOptions);
        if (xmx == null || !xmx.find()) {
            violations.add(cid + ": JAVA_TOOL_OPTIONS must bound the heap with -Xmx");
        } else {
            long heapMib = Long.parseLong(xmx.group(1)) * (xmx.group(2).equalsIgnoreCase("g") ? 1024 : 1);
            if (heapMib + NON_HEAP_MIB > limitMib) {
                violations.add(cid + ": heap " + heapMib + " MiB + " + NON_HEAP_MIB + " MiB non-heap exceeds the"
                        + " memory limit " + limit + " (the pod would be OOM-killed)");
            }
        }
    }

    static long mebibytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Mi|Gi|M|G)?").matcher(quantity.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("memory quantity not understood: " + quantity);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        return switch (unit) {
            case "Gi" -> n * 1024;
            case "G" -> n * 1_000_000_000L / (1024 * 1024);
            case "Mi" -> n;
            case "M" -> n * 1_000_000L / (1024 * 1024);
            default -> n / (1024 * 1024);
        };
    }

    private static String abbreviate(Object doc) {
        String s = String.valueOf(doc);
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }

    private KubernetesRules() {
    }
}
