package kr.co.pg.settlement.poller;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Ports and adapters: the domain knows no framework; use cases know no adapter; adapters don't know each other. */
@AnalyzeClasses(packages = "kr.co.pg.settlement.poller", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String BASE = "kr.co.pg.settlement.poller";

    @ArchTest
    static final ArchRule domainKnowsNoFrameworks = noClasses().that().resideInAPackage(BASE + ".domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                    "org.apache.kafka..", "io.github.resilience4j..", "reactor..", "kr.co.pg.settlement.kis.client..",
                    BASE + ".application..", BASE + ".adapter..");

    @ArchTest
    static final ArchRule applicationKnowsNoAdapters = noClasses().that().resideInAPackage(BASE + ".application..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".adapter..", "org.apache.kafka..",
                    "java.sql..", "org.springframework.jdbc..", "kr.co.pg.settlement.kis.client..",
                    "io.github.resilience4j..");

    @ArchTest
    static final ArchRule kafkaInDoesNotUseOtherAdapters = noClasses().that().resideInAPackage(BASE + ".adapter.in.kafka..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".adapter.out..");

    @ArchTest
    static final ArchRule schedulerInDoesNotUseOtherAdapters = noClasses().that().resideInAPackage(BASE + ".adapter.in.scheduler..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".adapter.out..", BASE + ".adapter.in.kafka..");

    @ArchTest
    static final ArchRule persistenceOutDoesNotUseOtherAdapters = noClasses().that().resideInAPackage(BASE + ".adapter.out.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".adapter.in..", BASE + ".adapter.out.kis..",
                    BASE + ".adapter.out.kafka..");

    @ArchTest
    static final ArchRule kisOutDoesNotUseOtherAdapters = noClasses().that().resideInAPackage(BASE + ".adapter.out.kis..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".adapter.in..", BASE + ".adapter.out.kafka..",
                    BASE + ".adapter.out.persistence..");

    @ArchTest
    static final ArchRule kafkaOutDoesNotUseOtherAdapters = noClasses().that().resideInAPackage(BASE + ".adapter.out.kafka..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".adapter.in..", BASE + ".adapter.out.kis..",
                    BASE + ".adapter.out.persistence..");
}
