package kr.co.pg.settlement.ops;

import java.util.HashMap;
import java.util.Map;

/**
 * Where Kafka is and how to log in: bootstrap servers plus the transport security the services read from the same
 * environment variables (docs/production.md "Kafka security"): {@code KAFKA_SECURITY_PROTOCOL} (default PLAINTEXT),
 * {@code KAFKA_SASL_MECHANISM} (default SCRAM-SHA-512), {@code KAFKA_SASL_USERNAME}/{@code KAFKA_SASL_PASSWORD} or a
 * whole {@code KAFKA_SASL_JAAS_CONFIG}, {@code KAFKA_SSL_TRUSTSTORE_LOCATION}/{@code _PASSWORD}/{@code _TYPE}
 * (unset: the JVM's CA certificates).
 *
 * @param bootstrapServers {@code host:port,...}
 * @param security         Kafka client settings (security.protocol, sasl.*, ssl.*); empty for PLAINTEXT
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> security) {

    private static final String SCRAM_LOGIN = "org.apache.kafka.common.security.scram.ScramLoginModule";

    public KafkaConnection {
        security = Map.copyOf(security);
    }

    /** Reads the security settings from {@code env} (the process environment, or the console's configuration). */
    public static KafkaConnection of(String bootstrapServers, Map<String, String> env) {
        Map<String, String> security = new HashMap<>();
        String protocol = value(env, "KAFKA_SECURITY_PROTOCOL");
        if (protocol != null && !protocol.equalsIgnoreCase("PLAINTEXT")) {
            security.put("security.protocol", protocol);
            if (protocol.toUpperCase(java.util.Locale.ROOT).startsWith("SASL_")) {
                String mechanism = value(env, "KAFKA_SASL_MECHANISM");
                security.put("sasl.mechanism", mechanism == null ? "SCRAM-SHA-512" : mechanism);
                String jaas = value(env, "KAFKA_SASL_JAAS_CONFIG");
                String user = value(env, "KAFKA_SASL_USERNAME");
                if (jaas != null) {
                    security.put("sasl.jaas.config", jaas);
                } else if (user != null) {
                    String password = value(env, "KAFKA_SASL_PASSWORD");
                    security.put("sasl.jaas.config", SCRAM_LOGIN + " required username=\"" + user + "\" password=\""
                            + (password == null ? "" : password) + "\";");
                } else {
                    throw new OpsException("KAFKA_SECURITY_PROTOCOL=" + protocol + " needs KAFKA_SASL_USERNAME and"
                            + " KAFKA_SASL_PASSWORD (or KAFKA_SASL_JAAS_CONFIG) in the environment");
                }
            }
            putIfSet(security, "ssl.truststore.location", value(env, "KAFKA_SSL_TRUSTSTORE_LOCATION"));
            putIfSet(security, "ssl.truststore.password", value(env, "KAFKA_SSL_TRUSTSTORE_PASSWORD"));
            putIfSet(security, "ssl.truststore.type", value(env, "KAFKA_SSL_TRUSTSTORE_TYPE"));
        }
        return new KafkaConnection(bootstrapServers, security);
    }

    /** Without security settings. */
    public static KafkaConnection plaintext(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, Map.of());
    }

    /** bootstrap.servers and the security settings, to which a client adds its own. */
    Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>(security);
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** For messages: the servers and the protocol, never the login. */
    @Override
    public String toString() {
        return bootstrapServers + (security.isEmpty() ? "" : " (" + security.get("security.protocol") + ")");
    }
}
