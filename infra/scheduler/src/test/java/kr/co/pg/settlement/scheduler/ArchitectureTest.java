package kr.co.pg.settlement.scheduler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import kr.co.pg.settlement.kit.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The service kit's ports-and-adapters rules hold for the scheduler; its use cases know no Spring at all. */
class ArchitectureTest {

    private static final String BASE = "kr.co.pg.settlement.scheduler";

    @Test
    void portsAndAdapters() {
        ServiceArchitecture.check(BASE);
    }

    @Test
    void useCasesKnowNoSpring() {
        noClasses().that().resideInAPackage(BASE + ".application..").should().dependOnClassesThat()
                .resideInAPackage("org.springframework..").check(ServiceArchitecture.mainClasses(BASE));
    }
}
