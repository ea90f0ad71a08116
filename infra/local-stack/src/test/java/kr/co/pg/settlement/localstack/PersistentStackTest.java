package kr.co.pg.settlement.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistentStackTest {

    private static final String TOPIC = "localstack.persistent.v1";

    @TempDir
    Path dataDir;

    @Test
    void keepsMariaDbRowsAndKafkaRecordsBetweenRuns() throws Exception {
        long started = System.nanoTime();
        try (PersistentStack first = start()) {
            System.out.printf("persistent stack, first start (initialise + format) in %d ms%n",
                    (System.nanoTime() - started) / 1_000_000);
            String url = first.mariaDb().jdbcUrl("demo");
            try (Connection c = DriverManager.getConnection(url, "root", ""); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE note (id INT PRIMARY KEY, text VARCHAR(50))");
                s.execute("INSERT INTO note VALUES (1, '첫 번째 실행')");
            }
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", first.kafka().bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, first.kafka().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(TOPIC, "run", "first")).get();
            }
        }
        assertThat(dataDir.resolve("mariadb")).isDirectory();
        assertThat(dataDir.resolve("kafka/meta.properties")).isRegularFile();
        String clusterMeta = Files.readString(dataDir.resolve("kafka/meta.properties"));

        started = System.nanoTime();
        try (PersistentStack second = start()) {
            System.out.printf("persistent stack, second start (reusing data) in %d ms%n",
                    (System.nanoTime() - started) / 1_000_000);
            assertThat(Files.readString(dataDir.resolve("kafka/meta.properties")))
                    .as("an already formatted log directory is not formatted again").isEqualTo(clusterMeta);
            try (Connection c = DriverManager.getConnection(second.mariaDb().jdbcUrl("demo"), "root", "");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT text FROM note WHERE id = 1")) {
                assertThat(rs.next()).as("row written in the first run").isTrue();
                assertThat(rs.getString(1)).isEqualTo("첫 번째 실행");
            }
            assertThat(readAll(second.kafka().bootstrapServers())).containsExactly("first");
        }
    }

    private PersistentStack start() {
        return LocalStack.startPersistent(dataDir, EmbeddedMariaDb.freePort(), EmbeddedMariaDb.freePort(),
                EmbeddedMariaDb.freePort());
    }

    private static List<String> readAll(String bootstrapServers) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "persistent-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(TOPIC));
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }

}
