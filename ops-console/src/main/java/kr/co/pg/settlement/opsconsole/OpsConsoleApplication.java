package kr.co.pg.settlement.opsconsole;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OpsConsoleApplication {

    /** Its configuration file is {@code ops-console.yml}: services share class paths in tests and the demo. */
    public static final String CONFIG_NAME = "ops-console";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(OpsConsoleApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }
}
