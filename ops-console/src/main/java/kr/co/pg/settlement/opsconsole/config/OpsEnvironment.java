package kr.co.pg.settlement.opsconsole.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.ops.KafkaConnection;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The console's connection settings in the form the ops-cli reads them (the services' environment variable names),
 * taken from the console's own configuration: one source of truth, whatever overrides it (env, profile, test).
 */
@Component
public class OpsEnvironment {

    private static final List<String> KAFKA_SECURITY = List.of("KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM",
            "KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD", "KAFKA_SASL_JAAS_CONFIG", "KAFKA_SSL_TRUSTSTORE_LOCATION",
            "KAFKA_SSL_TRUSTSTORE_PASSWORD", "KAFKA_SSL_TRUSTSTORE_TYPE");

    private final Map<String, String> env;
    private final String kafkaBootstrap;

    OpsEnvironment(Environment config) {
        this.kafkaBootstrap = config.getRequiredProperty("spring.kafka.bootstrap-servers");
        Map<String, String> m = new HashMap<>();
        m.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        // transport security: the variables of docs/production.md, as the CLI reads them
        for (String name : KAFKA_SECURITY) {
            String value = config.getProperty(name, "");
            if (!value.isBlank()) {
                m.put(name, value);
            }
        }
        database(config, "spring.datasource.", m, "SETTLEMENT_DB_");
        database(config, "ops.poller-db.", m, "POLLER_DB_");
        String collectorUrl = config.getProperty("ops.collector-url", "");
        if (!collectorUrl.isBlank()) {
            m.put("COLLECTOR_URL", collectorUrl);
        }
        this.env = Map.copyOf(m);
    }

    /** {prefix}url, username, password as {envPrefix}URL, USER, PASSWORD; nothing when the URL is not set. */
    private static void database(Environment config, String prefix, Map<String, String> env, String envPrefix) {
        String url = config.getProperty(prefix + "url", "");
        if (!url.isBlank()) {
            env.put(envPrefix + "URL", url);
            env.put(envPrefix + "USER", config.getProperty(prefix + "username", ""));
            env.put(envPrefix + "PASSWORD", config.getProperty(prefix + "password", ""));
        }
    }

    public Map<String, String> asMap() {
        return env;
    }

    /** Kafka with the transport security of the console's environment. */
    public KafkaConnection kafka() {
        return KafkaConnection.of(kafkaBootstrap, env);
    }
}
