package kr.co.pg.settlement.collector;

import kr.co.pg.settlement.kit.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The service kit's ports-and-adapters rules hold for the collector. */
class ArchitectureTest {

    @Test
    void portsAndAdapters() {
        ServiceArchitecture.check("kr.co.pg.settlement.collector");
    }
}
