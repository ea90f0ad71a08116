package kr.co.pg.settlement.opsconsole.config;

import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The console's connection settings in the form the ops-cli reads them (the services' environment variable names),
 * taken from the console's own configuration: one source of truth, whatever overrides it (env, profile, test).
 */
@Component
public class OpsEnvironment {

    private final Map<String, String> env;
    private final String kafkaBootstrap;

    OpsEnvironment(@Value("${spring.kafka.bootstrap-servers}") String kafka,
                   @Value("${spring.datasource.url}") String dbUrl,
                   @Value("${spring.datasource.username:}") String dbUser,
                   @Value("${spring.datasource.password:}") String dbPassword,
                   @Value("${ops.poller-db.url:}") String pollerUrl,
                   @Value("${ops.poller-db.username:}") String pollerUser,
                   @Value("${ops.poller-db.password:}") String pollerPassword,
                   @Value("${ops.collector-url:}") String collectorUrl) {
        Map<String, String> m = new HashMap<>();
        m.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        m.put("SETTLEMENT_DB_URL", dbUrl);
        m.put("SETTLEMENT_DB_USER", dbUser);
        m.put("SETTLEMENT_DB_PASSWORD", dbPassword);
        if (!pollerUrl.isBlank()) {
            m.put("POLLER_DB_URL", pollerUrl);
            m.put("POLLER_DB_USER", pollerUser);
            m.put("POLLER_DB_PASSWORD", pollerPassword);
        }
        if (!collectorUrl.isBlank()) {
            m.put("COLLECTOR_URL", collectorUrl);
        }
        this.env = Map.copyOf(m);
        this.kafkaBootstrap = kafka;
    }

    public Map<String, String> asMap() {
        return env;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }
}
