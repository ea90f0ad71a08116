package kr.co.pg.settlement.outbox;

import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import kr.co.pg.settlement.localstack.KafkaBroker;
import kr.co.pg.settlement.localstack.LocalStack;
import kr.co.pg.settlement.localstack.MariaDbServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A fresh database with the collector's outbox table, plus Kafka helpers, on the local stack. */
final class OutboxFixture {

    static final String TABLE = "outbox_event";
    static final String DDL = """
            CREATE TABLE outbox_event (
              id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
              event_id      VARCHAR(100) NOT NULL,
              event_type    VARCHAR(100) NOT NULL,
              topic         VARCHAR(200) NOT NULL,
              event_key     VARCHAR(200) NOT NULL,
              business_date DATE         NOT NULL,
              payload       LONGBLOB     NOT NULL,
              created_at    DATETIME(3)  NOT NULL,
              UNIQUE KEY ux_outbox_event_event_id (event_id)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin""";

    private static final AtomicLong RELAYS = new AtomicLong();
    private static final AtomicLong SERVER_IDS = new AtomicLong(5_000 + (System.nanoTime() & 0xFFF));

    final MariaDbServer db = LocalStack.mariaDb();
    final KafkaBroker kafka = LocalStack.kafka();
    final String database = "outbox_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    final String topic = "outbox.it." + database;

    OutboxFixture() {
        db.createDatabase(database);
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute(DDL);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One relay (name, server id) on this fixture's database; every call gives a new relay. */
    OutboxRelayConfig config() {
        return new OutboxRelayConfig(db.host(), db.port(), db.username(), db.password(), database, TABLE,
                SERVER_IDS.incrementAndGet(), "relay-" + database + "-" + RELAYS.incrementAndGet(), 500,
                Duration.ofMillis(50), Duration.ofSeconds(1));
    }

    KafkaProducer<String, byte[]> producer() {
        return producer(Map.of());
    }

    KafkaProducer<String, byte[]> producer(Map<String, Object> overrides) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "33554432");
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(96L * 1024 * 1024));
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.putAll(overrides);
        return new KafkaProducer<>(p);
    }

    Connection connection() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(database), db.username(), db.password());
    }

    /** Inserts rows in one transaction; returns their ids. */
    List<Long> insert(List<Row> rows) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_event (event_id, event_type, topic,"
                    + " event_key, business_date, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (Row row : rows) {
                    ps.setString(1, row.eventId());
                    ps.setString(2, row.eventType());
                    ps.setString(3, row.topic());
                    ps.setString(4, row.key());
                    ps.setObject(5, row.businessDate());
                    ps.setBytes(6, row.payload());
                    ps.setObject(7, LocalDateTime.of(2026, 11, 24, 7, 15));
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        ids.add(keys.getLong(1));
                    }
                }
            }
            c.commit();
        }
        return ids;
    }

    void execute(String... statementsInOneTransaction) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String sql : statementsInOneTransaction) {
                s.execute(sql);
            }
            c.commit();
        }
    }

    Row row(String eventId, String key, String payload) {
        return new Row(eventId, "TestEvent", topic, key, LocalDate.of(2026, 11, 24),
                payload.getBytes(StandardCharsets.UTF_8));
    }

    KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, "33554432");
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, "67108864");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /**
     * Waits until the connector reads the binlog (any first-start snapshot is then complete): rows inserted
     * while a lock-free snapshot reads the table may legitimately be produced twice, which exact-count tests
     * must avoid. Uses Debezium's streaming metrics MBean.
     */
    static void awaitStreaming(OutboxRelayConfig config) {
        MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            for (ObjectName name : mbeans.queryNames(new ObjectName("*:type=connector-metrics,context=streaming,*"),
                    null)) {
                if (config.name().equals(name.getKeyProperty("server"))
                        && Boolean.TRUE.equals(mbeans.getAttribute(name, "Connected"))) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Polls until a record with the given event id arrived; returns everything read so far, in order. */
    static List<ConsumerRecord<String, byte[]>> readUntil(KafkaConsumer<String, byte[]> consumer,
                                                         List<ConsumerRecord<String, byte[]>> soFar,
                                                         String lastEventId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(soFar::add);
            return soFar.stream().anyMatch(r -> lastEventId.equals(header(r, "eventId")));
        });
        return soFar;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    void drop() {
        db.dropDatabase(database);
    }

    record Row(String eventId, String eventType, String topic, String key, LocalDate businessDate, byte[] payload) {
    }
}
