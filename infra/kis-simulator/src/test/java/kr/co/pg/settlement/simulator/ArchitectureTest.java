package kr.co.pg.settlement.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import kr.co.pg.settlement.kit.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The service kit's ports-and-adapters rules hold for the simulator; its use cases know no Spring, its domain no files. */
class ArchitectureTest {

    private static final String BASE = "kr.co.pg.settlement.simulator";

    @Test
    void portsAndAdapters() {
        ServiceArchitecture.check(BASE);
    }

    @Test
    void useCasesKnowNoSpringAndTheDomainNoFiles() {
        ServiceArchitecture.useCasesKnowNoSpring(BASE).check(ServiceArchitecture.mainClasses(BASE));
        noClasses().that().resideInAPackage(BASE + ".domain..").should().dependOnClassesThat()
                .resideInAPackage("java.nio.file..").check(ServiceArchitecture.mainClasses(BASE));
    }
}
