package kr.co.pg.settlement.kis.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class KisProtocolArchitectureTest {

    @Test
    void mainCodeIsPlainJavaWithoutSpring() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("kr.co.pg.settlement.kis.protocol");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .because("kis-protocol is shared by every service and the simulator; it must stay plain Java")
                .check(main);
    }
}
