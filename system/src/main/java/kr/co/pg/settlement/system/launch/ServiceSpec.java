package kr.co.pg.settlement.system.launch;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to start: a service's application class, its configuration name ({@code {configName}.yml}), the name of this
 * instance (logs, GC log, flight recording; equal to the configuration name when a service runs once), its
 * properties and its secrets. Secrets are kept apart so that a child process gets them through its environment,
 * never on its command line (visible to every user in {@code ps}).
 */
public record ServiceSpec(String configName, String instanceName, Class<?> application, Map<String, String> properties,
                          List<Secret> secrets) {

    /**
     * A secret property. {@code environmentVariable}: the variable the service's own yml reads it from (e.g.
     * {@code SETTLEMENT_DB_PASSWORD}); null when there is none (a map entry such as the simulator's
     * {@code kis.simulator.clients.<id>}): a child then gets it in {@code SPRING_APPLICATION_JSON}, which keeps
     * the key's case (relaxed binding of environment variables would lower-case a map key).
     */
    public record Secret(String property, String environmentVariable, String value) {
        public Secret {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(value, "value of " + property);
        }

        @Override
        public String toString() {
            return "Secret[" + property + (environmentVariable == null ? "" : " <- $" + environmentVariable) + ", ******]";
        }
    }

    public ServiceSpec {
        Objects.requireNonNull(configName, "configName");
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(application, "application");
        properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
        secrets = List.copyOf(secrets);
    }

    /** One instance of a service, named after its configuration, without secrets. */
    public static ServiceSpec of(String name, Class<?> application, Map<String, String> properties) {
        return new ServiceSpec(name, name, application, properties, List.of());
    }
}
