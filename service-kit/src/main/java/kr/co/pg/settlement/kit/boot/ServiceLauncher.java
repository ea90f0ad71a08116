package kr.co.pg.settlement.kit.boot;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a service with its own configuration file ({@code {configName}.yml}) instead of application.yml: services
 * share class paths in tests and the demo, so each reads only its own file.
 */
public final class ServiceLauncher {

    public static ConfigurableApplicationContext run(Class<?> application, String configName, String... args) {
        SpringApplication spring = new SpringApplication(application);
        spring.setDefaultProperties(Map.of("spring.config.name", configName));
        return spring.run(args);
    }

    private ServiceLauncher() {
    }
}
