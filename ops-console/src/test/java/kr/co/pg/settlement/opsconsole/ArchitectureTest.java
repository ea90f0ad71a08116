package kr.co.pg.settlement.opsconsole;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import kr.co.pg.settlement.kit.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The service kit's ports-and-adapters rules hold for the console; its use cases do not run ops-cli or HTTP. */
class ArchitectureTest {

    private static final String BASE = "kr.co.pg.settlement.opsconsole";

    @Test
    void portsAndAdapters() {
        ServiceArchitecture.check(BASE);
    }

    @Test
    void useCasesUseNoOpsCliAndNoHttpClient() {
        noClasses().that().resideInAPackage(BASE + ".application..").should().dependOnClassesThat()
                .resideInAnyPackage("kr.co.pg.settlement.ops..", "java.net.http..")
                .check(ServiceArchitecture.mainClasses(BASE));
    }
}
