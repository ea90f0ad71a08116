package kr.co.pg.settlement.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.localstack.SecureKafka;
import kr.co.pg.settlement.localstack.TlsMariaDb;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclBinding;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The collector with every connection secured, configured only through its environment variables
 * (docs/production.md): MariaDB over TLS (JDBC verify-ca, the outbox relay's binlog stream with the same CA) as a
 * user the server accepts only over TLS, Kafka over SASL_SSL as the {@code collector} principal holding only the
 * documented ACLs. Its listener containers consume, its dead-letter publisher and its outbox relay produce.
 */
class SecureTransportTest {

    private static final String DATABASE = "collector_tls";
    private static final String DB_USER = "collector_tls";
    private static final String DB_PASSWORD = "collector-tls-pw";
    private static TlsMariaDb db;
    private static SecureKafka kafka;
    private static ConfigurableApplicationContext collector;

    @BeforeAll
    static void start() throws Exception {
        db = TlsMariaDb.start();
        kafka = SecureKafka.start();
        db.createDatabase(DATABASE);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(DATABASE), db.username(), db.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE USER '" + DB_USER + "'@'%' IDENTIFIED BY '" + DB_PASSWORD + "' REQUIRE SSL");
            s.execute("GRANT ALL ON " + DATABASE + ".* TO '" + DB_USER + "'@'%'");
            s.execute("GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '" + DB_USER + "'@'%'");
        }
        try (Admin admin = kafka.admin()) {
            List<NewTopic> topics = new ArrayList<>();
            Topics.all().forEach(t -> topics.add(new NewTopic(t.name(), t.partitions(), (short) 1)));
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
        kafka.createUser("collector", "collector-pw");
        List<AclBinding> acls = new ArrayList<>();
        for (String topic : List.of(Topics.REGISTRATION_FILE_REQUESTED, Topics.SETTLEMENT_FILE_REQUESTED,
                Topics.SETTLEMENT_SLICE_REQUESTED, Topics.DLT_COLLECTOR)) {
            acls.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE));
        }
        for (String topic : List.of(Topics.KICKOFF, Topics.SETTLEMENT_SLICE_REQUESTED, Topics.FILE_SUBMITTED,
                Topics.FILE_FAILED, Topics.REGISTRATION_RESULTS, Topics.SETTLEMENT_RESULTS,
                Topics.REGISTRATION_FILE_REQUESTED, Topics.SETTLEMENT_FILE_REQUESTED)) {
            acls.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
        }
        acls.add(allow(ResourceType.GROUP, "settlement-collector", PatternType.LITERAL, AclOperation.READ));
        acls.add(allow(ResourceType.TOPIC, "settlement.", PatternType.PREFIXED, AclOperation.DESCRIBE));
        kafka.addAcls(acls);

        Map<String, Object> properties = new HashMap<>(kafka.environment("collector", "collector-pw"));
        properties.put("SETTLEMENT_DB_URL", "jdbc:mariadb://" + db.host() + ":" + db.port() + "/" + DATABASE
                + "?useBulkStmtsForInserts=true&sslMode=verify-ca&serverSslCert=" + db.tls().certificate());
        properties.put("SETTLEMENT_DB_USER", DB_USER);
        properties.put("SETTLEMENT_DB_PASSWORD", DB_PASSWORD);
        properties.put("SETTLEMENT_TOPIC_REPLICATION", "1");
        properties.put("SETTLEMENT_TOPIC_MIN_INSYNC_REPLICAS", "1");
        properties.put("SETTLEMENT_OUTBOX_SERVER_ID", "7301");
        properties.put("SERVER_PORT", "0");
        properties.put("spring.config.name", CollectorApplication.CONFIG_NAME);
        properties.put("settlement.outbox.cleanup-interval", "PT1H");
        properties.put("settlement.management.user", ItSupport.MANAGEMENT_USER);
        properties.put("settlement.management.password", ItSupport.MANAGEMENT_PASSWORD);
        collector = new SpringApplicationBuilder(CollectorApplication.class).properties(properties).run();
    }

    @AfterAll
    static void stop() {
        if (collector != null) {
            collector.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void anOutboxRowIsRelayedAndAPoisonKickoffIsDeadLetteredOverSaslSsl() throws Exception {
        try (KafkaConsumer<String, byte[]> reader = adminReader(Topics.REGISTRATION_FILE_REQUESTED,
                Topics.DLT_COLLECTOR)) {
            insertOutboxRow("tls-event-1", "R1-TLS-1");
            try (KafkaProducer<String, byte[]> producer = adminProducer()) {
                producer.send(new ProducerRecord<>(Topics.KICKOFF, "poison", "not json".getBytes(
                        StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
            }
            List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(received::add);
                // the ledger may dead-letter the relayed dummy row first: wait for the poison kick-off itself
                return received.stream().anyMatch(r -> r.topic().equals(Topics.DLT_COLLECTOR) && "poison".equals(r.key()))
                        && received.stream().anyMatch(r -> r.topic().equals(Topics.REGISTRATION_FILE_REQUESTED));
            });
            // at least once: a row written while the relay's first snapshot runs may come twice
            assertThat(received).filteredOn(r -> r.topic().equals(Topics.REGISTRATION_FILE_REQUESTED))
                    .extracting(ConsumerRecord::key).containsOnly("R1-TLS-1");
            // the collector's file ledger also reads the relayed row back and dead-letters its dummy payload
            assertThat(received).filteredOn(r -> r.topic().equals(Topics.DLT_COLLECTOR))
                    .extracting(ConsumerRecord::key).contains("poison");
        }
    }

    private static void insertOutboxRow(String eventId, String key) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(DATABASE), db.username(), db.password());
             PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_event (event_id, event_type, topic,"
                     + " event_key, business_date, payload, created_at) VALUES (?, 'TestEvent', ?, ?, ?, ?, ?)")) {
            ps.setString(1, eventId);
            ps.setString(2, Topics.REGISTRATION_FILE_REQUESTED);
            ps.setString(3, key);
            ps.setObject(4, LocalDate.of(2026, 11, 24));
            ps.setBytes(5, "{}".getBytes(StandardCharsets.UTF_8));
            ps.setObject(6, LocalDateTime.of(2026, 11, 24, 7, 15));
            ps.executeUpdate();
        }
    }

    private static Map<String, Object> adminClient() {
        Map<String, Object> config = kafka.clientConfig(SecureKafka.ADMIN_USER,
                kafka.adminPassword());
        return config;
    }

    private static KafkaProducer<String, byte[]> adminProducer() {
        return new KafkaProducer<>(adminClient(), new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> adminReader(String... topics) {
        Map<String, Object> config = adminClient();
        config.put("group.id", "secure-collector-it");
        config.put("auto.offset.reset", "earliest");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics));
        return consumer;
    }

    private static AclBinding allow(ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return SecureKafka.allow("collector", type, name, pattern, operation);
    }
}
