package kr.co.pg.settlement.poller;

import kr.co.pg.settlement.kit.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The service kit's ports-and-adapters rules hold for the poller. */
class ArchitectureTest {

    @Test
    void portsAndAdapters() {
        ServiceArchitecture.check("kr.co.pg.settlement.poller");
    }
}
