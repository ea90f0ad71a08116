package kr.co.pg.settlement.collector;

import kr.co.pg.settlement.kit.boot.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CollectorApplication {

    /** Its configuration file is {@code collector-service.yml}: services share class paths in tests and the demo. */
    public static final String CONFIG_NAME = "collector-service";

    public static void main(String[] args) {
        ServiceLauncher.run(CollectorApplication.class, CONFIG_NAME, args);
    }
}
