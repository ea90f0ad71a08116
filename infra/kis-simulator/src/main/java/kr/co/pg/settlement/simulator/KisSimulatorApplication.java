package kr.co.pg.settlement.simulator;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class KisSimulatorApplication {

    /** Its configuration file is {@code kis-simulator.yml}: services share class paths in tests and the demo. */
    public static final String CONFIG_NAME = "kis-simulator";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(KisSimulatorApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }
}
