package kr.co.pg.settlement.scheduler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "kr.co.pg.settlement.scheduler", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule applicationKnowsNoFrameworkOrBroker = noClasses()
            .that().resideInAPackage("..scheduler.application..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "java.sql..", "..scheduler.adapter..");

    @ArchTest
    static final ArchRule outgoingAdaptersDoNotKnowIncomingOnes = noClasses()
            .that().resideInAPackage("..adapter.out..")
            .should().dependOnClassesThat().resideInAPackage("..adapter.in..");

    @ArchTest
    static final ArchRule incomingAdaptersDoNotKnowOutgoingOnes = noClasses()
            .that().resideInAPackage("..adapter.in..")
            .should().dependOnClassesThat().resideInAPackage("..adapter.out..");

    @ArchTest
    static final ArchRule adaptersDoNotKnowEachOther = noClasses()
            .that().resideInAnyPackage("..adapter.in.scheduling..", "..adapter.in.web..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter.in.kafka..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule holidayFilesKnowNoKafka = noClasses()
            .that().resideInAPackage("..adapter.out.holidays..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter.out.kafka..", "org.apache.kafka..");
}
