package kr.co.pg.settlement.gateway;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GatewayApplication {

    /** Its configuration file is {@code kis-gateway-service.yml}: services share class paths in tests and the demo. */
    public static final String CONFIG_NAME = "kis-gateway-service";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(GatewayApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }
}
