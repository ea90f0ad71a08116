package kr.co.pg.settlement.collector;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CollectorApplication {

    /** Its configuration file is {@code collector-service.yml}: services share class paths in tests and the demo. */
    public static final String CONFIG_NAME = "collector-service";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CollectorApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }
}
