package kr.co.pg.settlement.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SASL_SSL broker: TLS + SCRAM logins, a wrong password refused, topic ACLs enforced. */
class SecureKafkaTest {

    private static final String RESULTS = "settlement.diff.results.v1";
    private static final String SUBMITTED = "settlement.file.submitted.v1";
    private static SecureKafka kafka;

    @BeforeAll
    static void start() throws Exception {
        long started = System.nanoTime();
        kafka = SecureKafka.start();
        System.out.printf("SecureKafka started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(RESULTS, 1, (short) 1), new NewTopic(SUBMITTED, 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        kafka.createUser("poller", "poller-pw");
        kafka.createUser("gateway", "gateway-pw");
        kafka.addAcls(List.of(
                allow("poller", ResourceType.TOPIC, RESULTS, AclOperation.WRITE),
                allow("poller", ResourceType.TOPIC, RESULTS, AclOperation.READ),
                allow("poller", ResourceType.GROUP, "test-", AclOperation.READ),
                allow("gateway", ResourceType.TOPIC, SUBMITTED, AclOperation.WRITE)));
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aUserWithAclsProducesAndConsumesOverSaslSsl() throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer("poller", "poller-pw")) {
            producer.send(new ProducerRecord<>(RESULTS, "file-1", "results".getBytes())).get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> config = client("poller", "poller-pw");
        config.put("group.id", "test-poller");
        config.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(RESULTS));
            List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (received.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
            assertThat(received).extracting(ConsumerRecord::key).containsExactly("file-1");
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> config = client("poller", "not-the-password");
        config.put("default.api.timeout.ms", 10_000);
        config.put("request.timeout.ms", 5_000);
        try (Admin admin = Admin.create(config)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(15, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aClientWithoutTlsAndSaslIsNotServed() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers(),
                "default.api.timeout.ms", 3_000, "request.timeout.ms", 2_000))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void theGatewaysPrincipalCannotWriteTheResultsTopic() throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer("gateway", "gateway-pw")) {
            // its own topic: allowed
            producer.send(new ProducerRecord<>(SUBMITTED, "file-1", "ok".getBytes())).get(30, TimeUnit.SECONDS);
        }
        // a fresh producer: a denied topic fails the idempotent producer as a whole
        try (KafkaProducer<String, byte[]> producer = producer("gateway", "gateway-pw")) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(RESULTS, "file-1", "forged".getBytes()))
                    .get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void theEnvironmentNamesTheSameSettings() {
        Map<String, String> env = kafka.environment("poller", "poller-pw");
        assertThat(env).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("KAFKA_SASL_USERNAME", "poller")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers())
                .containsEntry("KAFKA_SSL_TRUSTSTORE_LOCATION", kafka.tls().trustStore().toString());
    }

    private static KafkaProducer<String, byte[]> producer(String user, String password) {
        Map<String, Object> config = client(user, password);
        config.put("acks", "all");
        config.put("max.block.ms", 20_000);
        config.put("delivery.timeout.ms", 30_000);
        config.put("request.timeout.ms", 15_000);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static Map<String, Object> client(String user, String password) {
        Map<String, Object> config = kafka.clientConfig(user, password);
        return config;
    }

    private static AclBinding allow(String user, ResourceType type, String name, AclOperation operation) {
        PatternType pattern = type == ResourceType.GROUP ? PatternType.PREFIXED : PatternType.LITERAL;
        return SecureKafka.allow(user, type, name, pattern, operation);
    }
}
