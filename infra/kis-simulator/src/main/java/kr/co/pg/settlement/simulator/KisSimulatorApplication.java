package kr.co.pg.settlement.simulator;

import kr.co.pg.settlement.kit.boot.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class KisSimulatorApplication {

    /** Its configuration file is {@code kis-simulator.yml}: services share class paths in tests and the demo. */
    public static final String CONFIG_NAME = "kis-simulator";

    public static void main(String[] args) {
        ServiceLauncher.run(KisSimulatorApplication.class, CONFIG_NAME, args);
    }
}
