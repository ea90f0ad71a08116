package kr.co.pg.settlement.scheduler;

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
        ServiceArchitecture.useCasesKnowNoSpring(BASE).check(ServiceArchitecture.mainClasses(BASE));
    }
}
