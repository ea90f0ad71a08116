package kr.co.pg.settlement.poller;

import kr.co.pg.settlement.kit.boot.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PollerApplication {

    /** Its configuration file is {@code status-poller-service.yml}: services share class paths in tests and the demo. */
    public static final String CONFIG_NAME = "status-poller-service";

    public static void main(String[] args) {
        ServiceLauncher.run(PollerApplication.class, CONFIG_NAME, args);
    }
}
