package kr.co.pg.settlement.collector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Ports and adapters: the domain knows no framework; adapters do not use each other; the application no adapter. */
@AnalyzeClasses(packages = "kr.co.pg.settlement.collector", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPure = noClasses().that().resideInAPackage("..collector.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                    "org.apache.kafka..", "..collector.application..", "..collector.adapter..");

    @ArchTest
    static final ArchRule applicationUsesNoAdapter = noClasses().that().resideInAPackage("..collector.application..")
            .should().dependOnClassesThat().resideInAnyPackage("..collector.adapter..", "java.sql..",
                    "org.apache.kafka..", "org.springframework.jdbc..", "org.springframework.kafka..");

    @ArchTest
    static final ArchRule kafkaInDoesNotUseOtherAdapters = noClasses().that().resideInAPackage("..adapter.in.kafka..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter.in.web..", "..adapter.out..");

    @ArchTest
    static final ArchRule webDoesNotUseOtherAdapters = noClasses().that().resideInAPackage("..adapter.in.web..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter.in.kafka..", "..adapter.out..");

    @ArchTest
    static final ArchRule persistenceDoesNotUseOtherAdapters = noClasses().that().resideInAPackage("..adapter.out.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter.in..", "..adapter.out.kafka..");

    @ArchTest
    static final ArchRule kafkaOutDoesNotUseOtherAdapters = noClasses().that().resideInAPackage("..adapter.out.kafka..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter.in..", "..adapter.out.persistence..");
}
