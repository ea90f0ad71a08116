package kr.co.pg.settlement.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The "images" profile (./mvnw -Pimages package): Jib configured once in the root pom (buildTar bound to package),
 * and every deployable service declares it with its real main class - the class with main() in its module.
 */
class ImageProfileTest {

    private static final String JIB = "jib-maven-plugin";

    @Test
    void rootPomBindsJibBuildTarToPackageInTheImagesProfile() throws Exception {
        Element profile = profile(parse(Repo.read(Repo.root().resolve("pom.xml"))), "images");
        assertThat(profile).as("root pom profile images").isNotNull();
        Element jib = plugin(child(child(child(profile, "build"), "pluginManagement"), "plugins"));
        assertThat(jib).as("jib-maven-plugin in the profile's pluginManagement").isNotNull();
        assertThat(text(jib, "version")).isNotBlank();
        assertThat(text(jib, "configuration", "from", "image")).isEqualTo("${image.base}");
        assertThat(text(jib, "configuration", "to", "image")).contains("${project.artifactId}");
        Element execution = child(child(jib, "executions"), "execution");
        assertThat(text(execution, "phase")).isEqualTo("package");
        assertThat(text(execution, "goals", "goal")).isEqualTo("buildTar");
    }

    @Test
    void everyServiceDeclaresTheProfileWithItsMainClass() throws Exception {
        for (Repo.Service service : Repo.SERVICES.values()) {
            assertThat(problems(Repo.read(service.pom()), service)).as(service.pom().toString()).isEmpty();
        }
    }

    @Test
    void aPomWithoutTheProfileOrWithAnotherMainClassIsReported() throws Exception {
        Repo.Service collector = Repo.SERVICES.get("collector-service");
        assertThat(problems("<project><artifactId>collector-service</artifactId></project>", collector))
                .anySatisfy(p -> assertThat(p).contains("no profile images"));
        String wrongMain = """
                <project><profiles><profile><id>images</id><build><plugins><plugin>
                  <groupId>com.google.cloud.tools</groupId><artifactId>jib-maven-plugin</artifactId>
                  <configuration><container><mainClass>kr.co.pg.settlement.collector.Nope</mainClass></container></configuration>
                </plugin></plugins></build></profile></profiles></project>""";
        assertThat(problems(wrongMain, collector))
                .anySatisfy(p -> assertThat(p).contains("Nope").contains(collector.mainClass()));
    }

    /** What is wrong with a service pom's images profile (empty: nothing). */
    static List<String> problems(String pom, Repo.Service service) throws Exception {
        List<String> problems = new ArrayList<>();
        Element profile = profile(parse(pom), "images");
        if (profile == null) {
            problems.add(service.name() + ": no profile images");
            return problems;
        }
        Element jib = plugin(child(child(profile, "build"), "plugins"));
        if (jib == null) {
            problems.add(service.name() + ": profile images does not declare " + JIB);
            return problems;
        }
        String mainClass = text(jib, "configuration", "container", "mainClass");
        if (!service.mainClass().equals(mainClass)) {
            problems.add(service.name() + ": mainClass " + mainClass + " but the application is " + service.mainClass());
        }
        Path source = Repo.root().resolve(service.module()).resolve("src/main/java")
                .resolve(service.mainClass().replace('.', '/') + ".java");
        if (!Files.isRegularFile(source) || !Repo.read(source).contains("public static void main(String[] args)")) {
            problems.add(service.name() + ": " + source + " has no main method");
        }
        return problems;
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element profile(Document pom, String id) {
        Element profiles = child(pom.getDocumentElement(), "profiles");
        for (Element profile : children(profiles, "profile")) {
            if (id.equals(text(profile, "id"))) {
                return profile;
            }
        }
        return null;
    }

    private static Element plugin(Element plugins) {
        for (Element plugin : children(plugins, "plugin")) {
            if (JIB.equals(text(plugin, "artifactId"))) {
                return plugin;
            }
        }
        return null;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getTagName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element element, String... path) {
        Element current = element;
        for (String name : path) {
            current = child(current, name);
        }
        return current == null ? null : current.getTextContent().trim();
    }
}
