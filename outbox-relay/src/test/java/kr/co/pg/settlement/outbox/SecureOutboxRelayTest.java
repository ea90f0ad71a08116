package kr.co.pg.settlement.outbox;

import static kr.co.pg.settlement.outbox.OutboxFixture.header;
import static kr.co.pg.settlement.outbox.OutboxFixture.readUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kr.co.pg.settlement.localstack.SecureKafka;
import kr.co.pg.settlement.localstack.TlsMariaDb;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The relay with every connection secured: the binlog stream and its JDBC connections over TLS (verify-ca against
 * the test CA) as a user holding only the documented grants and REQUIRE SSL, its producer over SASL_SSL (SCRAM) with
 * write ACLs on its topic only.
 */
class SecureOutboxRelayTest {

    private static final String DATABASE = "outbox_tls";
    private static final String TOPIC = "outbox.tls.v1";
    private static final String RELAY_USER = "outbox_relay";
    private static final String RELAY_PASSWORD = "relay-pw-for-test";
    private static TlsMariaDb db;
    private static SecureKafka kafka;

    @BeforeAll
    static void start() throws SQLException {
        db = TlsMariaDb.start();
        kafka = SecureKafka.start();
        db.createDatabase(DATABASE);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(DATABASE), db.username(), db.password());
             Statement s = c.createStatement()) {
            s.execute(OutboxFixture.DDL);
            // created beforehand by the migration: the relay user needs no CREATE
            s.execute(RelayDatabase.OFFSET_DDL);
            s.execute(RelayDatabase.HISTORY_DDL);
            // the grants of docs/outbox-relay.md, "Database user"; REQUIRE SSL: the server refuses it in plain text
            s.execute("CREATE USER '" + RELAY_USER + "'@'%' IDENTIFIED BY '" + RELAY_PASSWORD + "' REQUIRE SSL");
            s.execute("GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '" + RELAY_USER + "'@'%'");
            s.execute("GRANT SELECT ON " + DATABASE + ".outbox_event TO '" + RELAY_USER + "'@'%'");
            s.execute("GRANT SELECT, INSERT, UPDATE ON " + DATABASE + ".outbox_relay_offset TO '" + RELAY_USER
                    + "'@'%'");
            s.execute("GRANT SELECT, INSERT ON " + DATABASE + ".outbox_relay_schema_history TO '" + RELAY_USER
                    + "'@'%'");
        }
        try (var admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        kafka.createUser("collector", "collector-pw");
        kafka.createUser("reader", "reader-pw");
        kafka.addAcls(List.of(
                SecureKafka.allow("collector", ResourceType.TOPIC, TOPIC, PatternType.LITERAL, AclOperation.WRITE),
                SecureKafka.allow("reader", ResourceType.TOPIC, TOPIC, PatternType.LITERAL, AclOperation.READ),
                SecureKafka.allow("reader", ResourceType.GROUP, "reader-", PatternType.PREFIXED, AclOperation.READ)));
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void relaysOverTlsAsTheLeastPrivilegedUserToKafkaOverSaslSsl() throws Exception {
        OutboxRelayConfig config = config(new DatabaseTls(DatabaseTls.Mode.VERIFY_CA, db.tls().certificate()));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(client("collector", "collector-pw"),
                new StringSerializer(), new ByteArraySerializer());
             OutboxRelay relay = new OutboxRelay(config, producer);
             KafkaConsumer<String, byte[]> consumer = consumer()) {
            relay.start();
            OutboxFixture.awaitStreaming(config);
            insert("tls-1", "file-1", "{\"n\":1}");
            List<ConsumerRecord<String, byte[]>> received = readUntil(consumer, new ArrayList<>(), "tls-1");
            assertThat(received).extracting(r -> header(r, "eventId")).containsExactly("tls-1");
            assertThat(new String(received.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
        }
    }

    @Test
    void withoutTlsTheRequireSslUserIsRefusedAtStart() {
        OutboxRelayConfig config = config(DatabaseTls.DISABLED);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(client("collector", "collector-pw"),
                new StringSerializer(), new ByteArraySerializer());
             OutboxRelay relay = new OutboxRelay(config, producer)) {
            assertThatThrownBy(relay::start).isInstanceOf(OutboxRelayException.class)
                    .hasMessageContaining("Access denied");
        }
    }

    @Test
    void aServerCertificateFromAnotherCaIsRefused() throws Exception {
        java.nio.file.Path other = kafka.tls().certificate(); // a different self-signed certificate
        OutboxRelayConfig config = config(new DatabaseTls(DatabaseTls.Mode.VERIFY_CA, other));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(client("collector", "collector-pw"),
                new StringSerializer(), new ByteArraySerializer());
             OutboxRelay relay = new OutboxRelay(config, producer)) {
            assertThatThrownBy(relay::start).isInstanceOf(OutboxRelayException.class)
                    .hasMessageContaining("cannot connect");
        }
    }

    private static OutboxRelayConfig config(DatabaseTls tls) {
        return new OutboxRelayConfig(db.host(), db.port(), RELAY_USER, RELAY_PASSWORD, DATABASE,
                OutboxFixture.TABLE, 7001, "tls-relay", 50, Duration.ofMillis(50), Duration.ofSeconds(1), tls);
    }

    private static void insert(String eventId, String key, String payload) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(DATABASE), db.username(), db.password());
             PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_event (event_id, event_type, topic,"
                     + " event_key, business_date, payload, created_at) VALUES (?, 'TestEvent', ?, ?, ?, ?, ?)")) {
            ps.setString(1, eventId);
            ps.setString(2, TOPIC);
            ps.setString(3, key);
            ps.setObject(4, java.time.LocalDate.of(2026, 11, 24));
            ps.setBytes(5, payload.getBytes(StandardCharsets.UTF_8));
            ps.setObject(6, LocalDateTime.of(2026, 11, 24, 7, 15));
            ps.executeUpdate();
        }
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = client("reader", "reader-pw");
        config.put("group.id", "reader-" + System.nanoTime());
        config.put("auto.offset.reset", "earliest");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(TOPIC));
        return consumer;
    }

    private static Map<String, Object> client(String user, String password) {
        Map<String, Object> config = kafka.clientConfig(user, password);
        config.put("acks", "all");
        config.put("enable.idempotence", "true");
        return config;
    }
}
