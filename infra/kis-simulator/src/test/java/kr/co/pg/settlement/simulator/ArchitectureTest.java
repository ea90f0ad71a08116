package kr.co.pg.settlement.simulator;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("kr.co.pg.settlement.simulator");

    @Test
    void domain_knows_no_spring_web_or_files() {
        noClasses().that().resideInAPackage("..simulator.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "java.sql..",
                        "java.nio.file..", "..simulator.application..", "..simulator.adapter..")
                .check(classes);
    }

    @Test
    void application_knows_no_spring_and_no_adapter() {
        noClasses().that().resideInAPackage("..simulator.application..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "..simulator.adapter..")
                .check(classes);
    }

    @Test
    void adapters_do_not_depend_on_each_other() {
        noClasses().that().resideInAPackage("..adapter.in..")
                .should().dependOnClassesThat().resideInAPackage("..adapter.out..").check(classes);
        noClasses().that().resideInAPackage("..adapter.out..")
                .should().dependOnClassesThat().resideInAPackage("..adapter.in..").check(classes);
    }
}
