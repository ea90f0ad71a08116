package kr.co.pg.settlement.gateway;

import kr.co.pg.settlement.kit.boot.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GatewayApplication {

    /** Its configuration file is {@code kis-gateway-service.yml}: services share class paths in tests and the demo. */
    public static final String CONFIG_NAME = "kis-gateway-service";

    public static void main(String[] args) {
        ServiceLauncher.run(GatewayApplication.class, CONFIG_NAME, args);
    }
}
