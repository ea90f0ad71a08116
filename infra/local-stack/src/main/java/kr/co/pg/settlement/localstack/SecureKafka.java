package kr.co.pg.settlement.localstack;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * An embedded Kafka broker reachable only over SASL_SSL: TLS with a self-signed certificate made at start (clients
 * trust it through {@link #tls()}'s trust store), SCRAM-SHA-512 logins, topic ACLs enforced by the StandardAuthorizer.
 * The admin user is a super user; users made with {@link #createUser} may do only what their ACLs allow. Each
 * instance is its own broker (not the JVM's shared {@link LocalStack#kafka()}): close it when done.
 */
public record SecureKafka(EmbeddedKafka broker, ScramSecurity security) implements KafkaBroker, AutoCloseable {

    public static final String ADMIN_USER = "admin";

    /** Starts a broker with a new certificate and admin password (about 3-4 s). */
    public static SecureKafka start() {
        return TlsFiles.startWithTemporary(StaleServers.KAFKA_PREFIX + "tls-", tls -> {
            ScramSecurity security = new ScramSecurity(tls, ADMIN_USER, UUID.randomUUID().toString());
            return new SecureKafka(EmbeddedKafka.startTemporary(security), security);
        });
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public TlsFiles tls() {
        return security.tls();
    }

    public String adminPassword() {
        return security.adminPassword();
    }

    /** Creates (or changes the password of) a SCRAM-SHA-512 user. */
    public void createUser(String user, String password) {
        try (Admin admin = admin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create SCRAM user " + user + " on " + bootstrapServers() + ": " + e, e);
        }
    }

    /** Adds ACLs (as the admin user). */
    public void addAcls(Collection<AclBinding> acls) {
        try (Admin admin = admin()) {
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create ACLs on " + bootstrapServers() + ": " + e, e);
        }
    }

    /** An admin client logged in as the super user. */
    public Admin admin() {
        return Admin.create(clientConfig(ADMIN_USER, security.adminPassword()));
    }

    /** A client's configuration logging in as {@code user}: bootstrap.servers and security, to add to. */
    public Map<String, Object> clientConfig(String user, String password) {
        Map<String, Object> config = new HashMap<>(clientProperties(user, password));
        config.put("bootstrap.servers", bootstrapServers());
        return config;
    }

    /** An ACL allowing {@code user} the operation on the resource. */
    public static AclBinding allow(String user, ResourceType type, String name, PatternType pattern,
                                   AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }

    /** Kafka client settings (without bootstrap.servers) logging in as {@code user}. */
    public Map<String, String> clientProperties(String user, String password) {
        return security.clientConfig(user, password);
    }

    /**
     * The environment variables the services, the scheduler and the ops tools read for a SASL_SSL connection as
     * {@code user} (docs/production.md), bootstrap servers included. A Spring application can take them as
     * properties too: its configuration refers to them as placeholders.
     */
    public Map<String, String> environment(String user, String password) {
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers(),
                "KAFKA_SECURITY_PROTOCOL", ScramSecurity.PROTOCOL,
                "KAFKA_SASL_MECHANISM", ScramSecurity.MECHANISM,
                "KAFKA_SASL_USERNAME", user,
                "KAFKA_SASL_PASSWORD", password,
                "KAFKA_SSL_TRUSTSTORE_LOCATION", tls().trustStore().toString(),
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", tls().password(),
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12");
    }

    @Override
    public void close() {
        broker.close();
        security.tls().deleteQuietly();
    }

    @Override
    public String toString() {
        return "SecureKafka[" + bootstrapServers() + "]";
    }
}
