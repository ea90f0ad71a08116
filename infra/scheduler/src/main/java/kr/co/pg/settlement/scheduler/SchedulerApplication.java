package kr.co.pg.settlement.scheduler;

import kr.co.pg.settlement.kit.boot.ServiceLauncher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Sends the four jobs' kick-offs to settlement.kickoff.v1 on their schedules (Asia/Seoul). */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class SchedulerApplication {

    /** Its configuration file is {@code scheduler.yml}: services share class paths in tests and the demo. */
    public static final String CONFIG_NAME = "scheduler";

    public static void main(String[] args) {
        ServiceLauncher.run(SchedulerApplication.class, CONFIG_NAME, args);
    }
}
