package kr.co.pg.settlement.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.events.FileSubmitted;
import kr.co.pg.settlement.events.SettlementEvent;
import kr.co.pg.settlement.events.SettlementResultsReceived;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.localstack.KafkaTestClient;
import kr.co.pg.settlement.localstack.LocalStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Catalogue 47: the database goes down (mariadbd killed) while events arrive. The collector retries without limit and
 * commits no offset; nothing is dead-lettered; once MariaDB is back every event is applied. Real MariaDB and Kafka.
 */
@SpringBootTest(properties = {"settlement.outbox.relay-enabled=false",
        // a connection attempt fails fast while the server is away, so the retries are many and short
        "spring.datasource.hikari.connection-timeout=2000"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseDownTest {

    static final ItSupport it = new ItSupport("collector_db_down");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        it.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private KafkaTestClient deadLetters;
    private final String fileId = "S1-" + it.businessDate.toString().replace("-", "") + "-000001";

    @BeforeAll
    void setUp() {
        deadLetters = new KafkaTestClient(it.bootstrap, List.of(Topics.DLT_COLLECTOR));
        it.awaitAssigned(listeners);
    }

    @AfterAll
    void tearDown() {
        deadLetters.close();
        it.close();
    }

    @Test
    void eventsArrivingWhileTheDatabaseIsDownAreAppliedOnceItIsBack() throws Exception {
        jdbc.update("INSERT INTO kis_file (file_id, file_type, file_date, file_seq, business_date, kickoff_id,"
                + " record_count, created_at, status, updated_at) VALUES (?, 'S1', ?, 1, ?, 'db-down', 0, NOW(3),"
                + " 'CREATED', NOW(3))", fileId, it.businessDate, it.businessDate);
        MariaDbOutage outage = new MariaDbOutage(LocalStack.mariaDb());
        outage.kill();
        try {
            RecordMetadata submitted = send(Topics.FILE_SUBMITTED, new FileSubmitted(FileSubmitted.eventIdFor(fileId),
                    it.businessDate, fileId, "S1", it.businessDate, 1, "RCPTDBDOWN0000000001", 0, Instant.now()));
            RecordMetadata results = send(Topics.SETTLEMENT_RESULTS, new SettlementResultsReceived(
                    SettlementResultsReceived.eventIdFor("RCPTDBDOWN0000000001", 1), it.businessDate, fileId,
                    "RCPTDBDOWN0000000001", 1, 1, List.of()));
            // several failed attempts (2 s connection timeout, backoff up to 2 s): neither offset committed
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(12))
                    .until(() -> !committedPast(submitted) && !committedPast(results));
        } finally {
            outage.restart();
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> "RESULT_RECEIVED".equals(jdbc.queryForObject(
                "SELECT status FROM kis_file WHERE file_id = ?", String.class, fileId)));
        assertThat(jdbc.queryForObject("SELECT receipt_no FROM kis_file WHERE file_id = ?", String.class, fileId))
                .isEqualTo("RCPTDBDOWN0000000001");
        it.awaitConsumed(Topics.FILE_SUBMITTED);
        it.awaitConsumed(Topics.SETTLEMENT_RESULTS);
        assertThat(deadLetters.received(Topics.DLT_COLLECTOR, r -> fileId.equals(r.key())))
                .as("a database outage is not a poison message").isEmpty();
    }

    private RecordMetadata send(String topic, SettlementEvent event) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, it.bootstrap);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic, fileId, EventJson.write(event))).get();
        }
    }

    /** Whether the collector's group committed an offset beyond this record (its handling is over). */
    private boolean committedPast(RecordMetadata record) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, it.bootstrap);
        try (Admin admin = Admin.create(p)) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(it.group).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(record.topic(), record.partition()));
            return committed != null && committed.offset() > record.offset();
        }
    }
}
