package kr.co.pg.settlement.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The image tarballs themselves (target/jib-image.tar of every service module), opened the way `docker load` reads
 * them: manifest, config, layers. Runs in the images profile only - the test command's
 * `./mvnw verify -Pimages -Dimage.base=scratch` - whose dependencies make the reactor build every image first.
 * A missing or stale tarball fails. Scratch images carry no JRE: this proves what Jib puts on top of the base.
 */
class ImageTarballsTest {

    private static final String REPOSITORY = "kis-settlement";
    private static final String CLASSPATH_FILE = "app/jib-classpath-file";
    private static final String MAIN_CLASS_FILE = "app/jib-main-class-file";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyServiceImageRunsItsMainClassWithItsClassesAndDependencies() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Repo.Service service : Repo.SERVICES.values()) {
            problems.addAll(problems(service, Repo.root().resolve(service.module())));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aMissingTarballIsReported(@TempDir Path module) throws IOException {
        Repo.Service gateway = Repo.SERVICES.get("kis-gateway-service");
        assertThat(problems(gateway, module)).singleElement().asString()
                .contains("jib-image.tar missing").contains("-Pimages");
    }

    @Test
    void anImageOfAnotherMainClassIsReported() throws IOException {
        Repo.Service gateway = Repo.SERVICES.get("kis-gateway-service");
        Repo.Service wrongMain = new Repo.Service(gateway.name(), gateway.module(), gateway.configFile(),
                "kr.co.pg.settlement.gateway.Nope");
        assertThat(problems(wrongMain, Repo.root().resolve(gateway.module())))
                .anySatisfy(p -> assertThat(p).contains("entrypoint").contains("Nope"))
                .anySatisfy(p -> assertThat(p).contains("app/classes/kr/co/pg/settlement/gateway/Nope.class"));
    }

    /** What is wrong with the image tarball of the module directory built for the service (empty: nothing). */
    static List<String> problems(Repo.Service service, Path module) throws IOException {
        List<String> problems = new ArrayList<>();
        Path target = module.resolve("target");
        Path tarball = target.resolve("jib-image.tar");
        if (!Files.isRegularFile(tarball)) {
            problems.add(tarball + " missing: build it with ./mvnw -Pimages -Dimage.base=scratch package"
                    + " (the test command ./run-tests.sh does)");
            return problems;
        }
        Path bootJar = target.resolve(service.name() + "-" + version() + "-exec.jar");
        if (!Files.isRegularFile(bootJar)) {
            problems.add(bootJar + " missing: the image is checked against the Spring Boot jar of the same build");
            return problems;
        }
        if (Files.getLastModifiedTime(tarball).compareTo(Files.getLastModifiedTime(bootJar)) < 0) {
            problems.add(tarball + " is older than " + bootJar + ": stale, the images profile did not run in the last build");
        }

        Image image = Image.read(tarball);
        problems.addAll(image.problems());
        if (!problems.isEmpty()) {
            return problems;
        }
        String where = tarball + ": ";
        String tag = REPOSITORY + "/" + service.name() + ":" + version();
        if (!image.repoTags.contains(tag)) {
            problems.add(where + "tags " + image.repoTags + ", expected " + tag);
        }

        JsonNode config = image.config.path("config");
        List<String> entrypoint = strings(config.path("Entrypoint"));
        int cp = entrypoint.indexOf("-cp");
        if (entrypoint.isEmpty() || !entrypoint.get(0).equals("java") || cp < 0
                || !("@/" + CLASSPATH_FILE).equals(entrypoint.get(cp + 1))
                || !entrypoint.get(entrypoint.size() - 1).equals(service.mainClass())) {
            problems.add(where + "entrypoint " + entrypoint + ", expected java ... -cp @/" + CLASSPATH_FILE + " "
                    + service.mainClass());
        }
        String mainClassFile = image.text(MAIN_CLASS_FILE);
        if (!service.mainClass().equals(mainClassFile)) {
            problems.add(where + MAIN_CLASS_FILE + " names " + mainClassFile + ", expected " + service.mainClass());
        }
        List<String> environment = strings(config.path("Env"));
        for (String variable : List.of("JAVA_TOOL_OPTIONS=-Xms256m -Xmx512m -XX:+UseSerialGC"
                + " -XX:TrimNativeHeapInterval=10000 -Djdk.nio.maxCachedBufferSize=262144 -XX:+ExitOnOutOfMemoryError",
                "TZ=Asia/Seoul")) {
            if (!environment.contains(variable)) {
                problems.add(where + "environment " + environment + " lacks " + variable);
            }
        }
        if (!"10001:10001".equals(config.path("User").asString(""))) {
            problems.add(where + "user " + config.path("User") + ", expected the non-root 10001:10001");
        }

        String mainClass = "app/classes/" + service.mainClass().replace('.', '/') + ".class";
        if (!image.files.contains(mainClass)) {
            problems.add(where + mainClass + " is in no layer");
        }
        for (String file : moduleOutput(target.resolve("classes"))) {
            String inImage = (file.endsWith(".class") ? "app/classes/" : "app/resources/") + file;
            if (!image.files.contains(inImage)) {
                problems.add(where + inImage + " (from the module's target/classes) is in no layer");
            }
        }
        Set<String> classpath = new HashSet<>(List.of(image.text(CLASSPATH_FILE).split(":")));
        for (String directory : List.of("/app/classes", "/app/resources")) {
            if (!classpath.contains(directory)) {
                problems.add(where + directory + " is not in " + CLASSPATH_FILE + ": " + classpath);
            }
        }
        for (String jar : bootJarLibraries(bootJar)) {
            String inImage = "app/libs/" + jar;
            if (!image.files.contains(inImage) || !classpath.contains("/" + inImage)) {
                problems.add(where + jar + " (a dependency in " + bootJar.getFileName() + ") is not on the image's"
                        + " classpath: " + (image.files.contains(inImage) ? "not in " + CLASSPATH_FILE : "in no layer"));
            }
        }
        if (deploymentExposesPrometheus(service)
                && image.files.stream().noneMatch(f -> f.startsWith("app/libs/micrometer-registry-prometheus-"))) {
            problems.add(where + "no micrometer-registry-prometheus jar, but infra/k8s/" + service.name()
                    + ".yaml exposes /actuator/prometheus");
        }
        return problems;
    }

    /** Whether the service's Kubernetes ConfigMap exposes the prometheus endpoint (the ops console: health only). */
    private static boolean deploymentExposesPrometheus(Repo.Service service) {
        String manifest = Repo.read(Repo.root().resolve("infra/k8s").resolve(service.name() + ".yaml"));
        return Repo.yamlDocuments(manifest).stream()
                .map(doc -> Y.text(doc, "data", "MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE"))
                .anyMatch(exposed -> exposed != null && exposed.contains("prometheus"));
    }

    /** The files the module compiled and copied (classes and resources), relative to target/classes. */
    private static Set<String> moduleOutput(Path classes) throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            walk.filter(Files::isRegularFile).forEach(f -> files.add(classes.relativize(f).toString().replace('\\', '/')));
        }
        return files;
    }

    /**
     * The dependency jars Spring Boot packs (BOOT-INF/lib), the reference for "every runtime dependency": Boot
     * leaves out the empty starter jars Jib keeps, and adds its own jarmode tools, which an image does not need.
     */
    private static Set<String> bootJarLibraries(Path bootJar) throws IOException {
        Set<String> jars = new TreeSet<>();
        try (ZipFile zip = new ZipFile(bootJar.toFile())) {
            zip.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("BOOT-INF/lib/") && n.endsWith(".jar"))
                    .map(n -> n.substring("BOOT-INF/lib/".length()))
                    .filter(n -> !n.startsWith("spring-boot-jarmode-tools-"))
                    .forEach(jars::add);
        }
        return jars;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static String version() {
        String version = System.getProperty("project.version");
        if (version == null) {
            throw new IllegalStateException("system property project.version not set (surefire sets it in the pom)");
        }
        return version;
    }

    /** A docker-save tarball as Jib writes it: layers (.tar.gz), config.json, manifest.json. */
    private record Image(List<String> repoTags, JsonNode config, Set<String> files, Map<String, String> smallFiles,
                         List<String> problems) {

        static Image read(Path tarball) throws IOException {
            Map<String, byte[]> json = new HashMap<>();
            Map<String, Set<String>> layers = new HashMap<>();
            Map<String, String> smallFiles = new HashMap<>();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(tarball))) {
                TarEntries.read(in, (name, size, content) -> {
                    if (name.endsWith(".json")) {
                        json.put(name, content.readAllBytes());
                    } else if (name.endsWith(".tar.gz")) {
                        Set<String> layerFiles = new HashSet<>();
                        TarEntries.read(new GZIPInputStream(content), (file, fileSize, fileContent) -> {
                            layerFiles.add(file);
                            if (file.equals(CLASSPATH_FILE) || file.equals(MAIN_CLASS_FILE)) {
                                smallFiles.put(file, new String(fileContent.readAllBytes(), StandardCharsets.UTF_8).trim());
                            }
                        });
                        layers.put(name, layerFiles);
                    }
                });
            }
            List<String> missing = new ArrayList<>();
            if (!json.containsKey("manifest.json")) {
                missing.add(tarball + ": no manifest.json");
                return new Image(List.of(), JSON.missingNode(), Set.of(), smallFiles, missing);
            }
            JsonNode manifest = JSON.readTree(json.get("manifest.json"));
            if (manifest.size() != 1) {
                missing.add(tarball + ": manifest.json lists " + manifest.size() + " images, expected 1");
                return new Image(List.of(), JSON.missingNode(), Set.of(), smallFiles, missing);
            }
            JsonNode image = manifest.get(0);
            String configName = image.path("Config").asString("");
            byte[] config = json.get(configName);
            if (config == null) {
                missing.add(tarball + ": config " + configName + " named by manifest.json is not in the tarball");
            }
            Set<String> files = new HashSet<>();
            for (String layer : strings(image.path("Layers"))) {
                if (!layers.containsKey(layer)) {
                    missing.add(tarball + ": layer " + layer + " named by manifest.json is not in the tarball");
                } else {
                    files.addAll(layers.get(layer));
                }
            }
            for (String file : List.of(CLASSPATH_FILE, MAIN_CLASS_FILE)) {
                if (!smallFiles.containsKey(file)) {
                    missing.add(tarball + ": /" + file + " is in no layer");
                }
            }
            return new Image(strings(image.path("RepoTags")),
                    config == null ? JSON.missingNode() : JSON.readTree(config), files, smallFiles, missing);
        }

        String text(String file) {
            return smallFiles.get(file);
        }
    }
}
