package kr.co.pg.settlement.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Files of the repository the deployment is checked against, and their parsing. */
final class Repo {

    /** The deployable services: name (image, Deployment, compose service) -> module directory and config file. */
    static final Map<String, Service> SERVICES = Map.of(
            "collector-service", new Service("collector-service", "collector-service", "collector-service.yml",
                    "kr.co.pg.settlement.collector.CollectorApplication"),
            "kis-gateway-service", new Service("kis-gateway-service", "kis-gateway-service", "kis-gateway-service.yml",
                    "kr.co.pg.settlement.gateway.GatewayApplication"),
            "status-poller-service", new Service("status-poller-service", "status-poller-service",
                    "status-poller-service.yml", "kr.co.pg.settlement.poller.PollerApplication"),
            "scheduler", new Service("scheduler", "infra/scheduler", "scheduler.yml",
                    "kr.co.pg.settlement.scheduler.SchedulerApplication"),
            "kis-simulator", new Service("kis-simulator", "infra/kis-simulator", "kis-simulator.yml",
                    "kr.co.pg.settlement.simulator.KisSimulatorApplication"),
            "ops-console", new Service("ops-console", "ops-console", "ops-console.yml",
                    "kr.co.pg.settlement.opsconsole.OpsConsoleApplication"));

    record Service(String name, String module, String configFile, String mainClass) {
        Path config() {
            return root().resolve(module).resolve("src/main/resources").resolve(configFile);
        }

        Path pom() {
            return root().resolve(module).resolve("pom.xml");
        }

        /** Every ${ENV_VAR} / ${ENV_VAR:default} of the service's yml (comment lines skipped), with its default or null. */
        Map<String, String> environmentVariables() {
            return Repo.environmentVariables(read(config()));
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    static Map<String, String> environmentVariables(String yml) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : yml.split("\n")) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(line);
            // from just inside each match: a default may hold further placeholders (the JAAS line's user, password)
            for (int from = 0; m.find(from); from = m.start() + 2) {
                variables.putIfAbsent(m.group(1), m.group(2));
            }
        }
        return variables;
    }

    private static final Pattern SECRET_COMMAND = Pattern.compile("create secret generic ([a-z0-9.-]+)([^\\n]*)");
    private static final Pattern SECRET_KEY = Pattern.compile("--from-(?:literal|file)=([A-Za-z0-9._-]+)=");

    /** The Secrets operators create, from the kubectl commands of docs/production.md: name -> its keys. */
    static Map<String, Set<String>> documentedSecrets() {
        return documentedSecrets(read(root().resolve("docs/production.md")));
    }

    static Map<String, Set<String>> documentedSecrets(String doc) {
        Map<String, Set<String>> secrets = new TreeMap<>();
        // a command continued over several lines (backslash, newline) as one line
        Matcher command = SECRET_COMMAND.matcher(doc.replace("\\\n", " "));
        while (command.find()) {
            Set<String> keys = secrets.computeIfAbsent(command.group(1), n -> new TreeSet<>());
            Matcher key = SECRET_KEY.matcher(command.group(2));
            while (key.find()) {
                keys.add(key.group(1));
            }
        }
        return secrets;
    }

    static Path root() {
        String root = System.getProperty("repo.root");
        Path path = root != null ? Path.of(root) : Path.of("../..");
        path = path.toAbsolutePath().normalize();
        if (!Files.isRegularFile(path.resolve("mvnw"))) {
            throw new IllegalStateException("repository root not found at " + path + " (system property repo.root)");
        }
        return path;
    }

    static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Every YAML document of the text, as plain maps and lists (SnakeYAML, safe constructor, merge keys resolved). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yamlDocuments(String text) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : yaml.loadAll(text)) {
            if (doc != null) {
                docs.add((Map<String, Object>) doc);
            }
        }
        return docs;
    }

    private Repo() {
    }
}
