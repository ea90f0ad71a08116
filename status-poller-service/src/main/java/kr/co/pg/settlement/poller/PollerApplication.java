package kr.co.pg.settlement.poller;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PollerApplication {

    /** Its configuration file is {@code status-poller-service.yml}: services share class paths in tests and the demo. */
    public static final String CONFIG_NAME = "status-poller-service";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(PollerApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }
}
