package kr.co.pg.settlement.system.launch;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

final class InProcessLauncher implements ServiceLauncher {

    @Override
    public ServiceHandle launch(ServiceSpec spec) {
        Map<String, String> props = new LinkedHashMap<>(spec.properties());
        // in this JVM no process listing shows arguments: secrets are plain properties here
        spec.secrets().forEach(s -> props.put(s.property(), s.value()));
        // services share this class path: each reads its own {name}.yml (see each application's CONFIG_NAME)
        props.putIfAbsent("spring.config.name", spec.configName());
        props.putIfAbsent("spring.jmx.enabled", "false");
        props.putIfAbsent("spring.main.banner-mode", "off");
        int port = Integer.parseInt(spec.properties().getOrDefault("server.port", "0"));
        if (port == 0) {
            port = ServiceLauncher.freePort();
            props.put("server.port", String.valueOf(port));
        }
        // command-line arguments: they win over the service's own yml, default properties would not
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(spec.application())
                .registerShutdownHook(false)
                .run(args);
        return new InProcessHandle(spec.instanceName(), port, context);
    }

    /** A service in this JVM: its context; no heap or resident set of its own to measure. */
    private record InProcessHandle(String name, int port, ConfigurableApplicationContext context)
            implements ServiceHandle {

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
            return name + " (in-process, port " + port + ")";
        }
    }
}
