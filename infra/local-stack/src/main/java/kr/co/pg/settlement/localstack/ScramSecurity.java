package kr.co.pg.settlement.localstack;

import java.util.HashMap;
import java.util.Map;

/**
 * The embedded broker's SASL_SSL listener: TLS with {@code tls}'s certificate, SCRAM-SHA-512 logins, ACLs enforced
 * by the StandardAuthorizer. {@code adminUser} is the broker's own (inter-broker) login and the only super user on
 * that listener; every other principal needs ACLs.
 */
record ScramSecurity(TlsFiles tls, String adminUser, String adminPassword) {

    static final String MECHANISM = "SCRAM-SHA-512";
    static final String PROTOCOL = "SASL_SSL";

    Map<String, String> brokerConfig(String host, int port, int controllerPort) {
        Map<String, String> p = new HashMap<>();
        p.put("listeners", "SASL_SSL://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "SASL_SSL://" + host + ":" + port);
        p.put("inter.broker.listener.name", "SASL_SSL");
        // the controller listener stays PLAINTEXT on 127.0.0.1: only this node's own broker talks to it
        p.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT");
        p.put("sasl.enabled.mechanisms", MECHANISM);
        p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", jaas(adminUser, adminPassword));
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.location", tls.keyStore().toString());
        p.put("ssl.keystore.password", tls.password());
        p.put("ssl.key.password", tls.password());
        // the broker's inter-broker client verifies its own certificate
        p.put("ssl.truststore.type", "PKCS12");
        p.put("ssl.truststore.location", tls.trustStore().toString());
        p.put("ssl.truststore.password", tls.password());
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // ANONYMOUS is the principal of the PLAINTEXT controller listener (the broker's own requests to its controller)
        p.put("super.users", "User:" + adminUser + ";User:ANONYMOUS");
        p.put("allow.everyone.if.no.acl.found", "false");
        return p;
    }

    /** The formatter's {@code --add-scram} argument creating the admin user before the first start. */
    String formatterScramArgument() {
        return MECHANISM + "=[name=" + adminUser + ",password=" + adminPassword + "]";
    }

    Map<String, Object> adminClientConfig() {
        return new HashMap<>(clientConfig(adminUser, adminPassword));
    }

    /** Kafka client settings logging in as {@code user}. */
    Map<String, String> clientConfig(String user, String password) {
        return Map.of(
                "security.protocol", PROTOCOL,
                "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", jaas(user, password),
                "ssl.truststore.type", "PKCS12",
                "ssl.truststore.location", tls.trustStore().toString(),
                "ssl.truststore.password", tls.password());
    }

    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** The passwords are left out so the value can be logged. */
    @Override
    public String toString() {
        return "ScramSecurity[admin=" + adminUser + ", " + tls + "]";
    }
}
