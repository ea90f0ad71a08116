package kr.co.pg.settlement.kit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The ports-and-adapters rules every service keeps, for its main classes below its base package (its {@code config}
 * packages included): adapters live in {@code adapter.in.<what>} or {@code adapter.out.<what>} and never use each
 * other; the use cases ({@code application}) and the {@code domain} use no adapter and no configuration; the
 * use cases know no JDBC, Kafka, KIS client or resilience4j (they talk to their ports); the domain knows no framework
 * at all. A service's {@code ArchitectureTest} calls {@link #check(String)} (archunit is the test's dependency).
 */
public final class ServiceArchitecture {

    /** Checks {@link #rules(String)} on the service's main classes; the failure lists every violation. */
    public static void check(String basePackage) {
        rules(basePackage).check(mainClasses(basePackage));
    }

    /** The service's own classes, without tests and jars. */
    public static JavaClasses mainClasses(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
    }

    public static ArchRule rules(String base) {
        ArchRule adaptersAreNamedInOrOut = classes().that().resideInAPackage(base + ".adapter..")
                .should().resideInAnyPackage(base + ".adapter.in.*..", base + ".adapter.out.*..")
                .as("adapters live in " + base + ".adapter.in.<what> or .adapter.out.<what>");
        ArchRule adaptersUseNoOtherAdapter = slices().matching(base + ".adapter.(*).(*)..")
                .namingSlices("adapter $1.$2").should().notDependOnEachOther()
                .as("an adapter uses no other adapter");
        ArchRule useCasesTalkToPorts = noClasses().that().resideInAPackage(base + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".adapter..", base + ".config..",
                        "java.sql..", "javax.sql..", "org.springframework.jdbc..", "org.apache.kafka..",
                        "org.springframework.kafka..", "kr.co.pg.settlement.kis.client..", "io.github.resilience4j..")
                .as("the use cases (application) use no adapter, configuration, JDBC, Kafka, KIS client or"
                        + " resilience4j: they talk to their ports");
        ArchRule domainKnowsNoFramework = noClasses().that().resideInAPackage(base + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(base + ".application..", base + ".adapter..",
                        base + ".config..", "org.springframework..", "java.sql..", "javax.sql..", "org.apache.kafka..",
                        "kr.co.pg.settlement.kis.client..", "io.github.resilience4j..", "reactor..")
                .as("the domain knows no use case, adapter, configuration, Spring, SQL, Kafka or KIS client");
        return CompositeArchRule.of(adaptersAreNamedInOrOut.allowEmptyShould(true))
                .and(adaptersUseNoOtherAdapter.allowEmptyShould(true))
                .and(useCasesTalkToPorts.allowEmptyShould(true))
                .and(domainKnowsNoFramework.allowEmptyShould(true));
    }

    /** For a service whose use cases are plain Java: they know no Spring at all (scheduler, simulator). */
    public static ArchRule useCasesKnowNoSpring(String base) {
        return noClasses().that().resideInAPackage(base + ".application..").should().dependOnClassesThat()
                .resideInAPackage("org.springframework..").as("the use cases (application) know no Spring");
    }

    private ServiceArchitecture() {
    }
}
