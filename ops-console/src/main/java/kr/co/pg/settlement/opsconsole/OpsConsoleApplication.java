package kr.co.pg.settlement.opsconsole;

import kr.co.pg.settlement.kit.boot.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OpsConsoleApplication {

    /** Its configuration file is {@code ops-console.yml}: services share class paths in tests and the demo. */
    public static final String CONFIG_NAME = "ops-console";

    public static void main(String[] args) {
        ServiceLauncher.run(OpsConsoleApplication.class, CONFIG_NAME, args);
    }
}
