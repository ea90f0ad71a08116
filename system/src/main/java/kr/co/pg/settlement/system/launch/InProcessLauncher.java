package kr.co.pg.settlement.system.launch;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

final class InProcessLauncher implements ServiceLauncher {

    @Override
    public ServiceHandle launch(String name, Class<?> application, Map<String, String> properties) {
        Map<String, Object> props = new LinkedHashMap<>(properties);
        props.putIfAbsent("spring.jmx.enabled", "false");
        props.putIfAbsent("spring.application.name", name);
        int port = Integer.parseInt(properties.getOrDefault("server.port", "0"));
        if (port == 0) {
            port = ServiceLauncher.freePort();
            props.put("server.port", String.valueOf(port));
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .properties(props)
                .registerShutdownHook(false)
                .run();
        int listening = port;
        return new ServiceHandle() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int port() {
                return listening;
            }

            @Override
            public long peakHeapBytes() {
                return -1;
            }

            @Override
            public void close() {
                context.close();
            }

            @Override
            public String toString() {
                return name + " (in-process, port " + listening + ")";
            }
        };
    }
}
