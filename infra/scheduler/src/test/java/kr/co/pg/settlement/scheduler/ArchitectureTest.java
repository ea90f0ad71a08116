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
    static final ArchRule kafkaAdapterDoesNotKnowTheScheduling = noClasses()
            .that().resideInAPackage("..adapter.out.kafka..")
            .should().dependOnClassesThat().resideInAPackage("..adapter.in..");

    @ArchTest
    static final ArchRule schedulingAdapterDoesNotKnowKafka = noClasses()
            .that().resideInAPackage("..adapter.in..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter.out..", "org.apache.kafka..");
}
