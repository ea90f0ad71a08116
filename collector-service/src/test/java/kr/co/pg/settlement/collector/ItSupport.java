package kr.co.pg.settlement.collector;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.events.SettlementEvent;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.localstack.LocalStack;
import kr.co.pg.settlement.localstack.MariaDbServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Real MariaDB + real Kafka (local-stack) for one test class: own database, own consumer group, own relay state. */
final class ItSupport {

    final String database;
    final String group;
    final MariaDbServer mariaDb = LocalStack.mariaDb();
    final String bootstrap = LocalStack.kafka().bootstrapServers();
    /** A business date no other test class uses, so file ids on the shared topics do not collide. */
    final LocalDate businessDate = LocalDate.of(2030, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
    private KafkaProducer<String, byte[]> producer;

    ItSupport(String prefix) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        this.database = prefix + "_" + suffix;
        this.group = "collector-it-" + suffix;
    }

    /** The credential of the collector's HTTP endpoints in tests (the day report, the actuator beyond health). */
    static final String MANAGEMENT_USER = "collector-test";
    static final String MANAGEMENT_PASSWORD = "collector-test-management-password";

    /** The Authorization header that carries {@link #MANAGEMENT_USER}. */
    static String managementAuthorization() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((MANAGEMENT_USER + ":" + MANAGEMENT_PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    void register(DynamicPropertyRegistry r) {
        try {
            Path state = Files.createTempDirectory("collector-relay-");
            r.add("spring.datasource.url", () -> mariaDb.jdbcUrl(database) + "?useBulkStmtsForInserts=true");
            r.add("spring.datasource.username", mariaDb::username);
            r.add("spring.datasource.password", mariaDb::password);
            r.add("spring.kafka.bootstrap-servers", () -> bootstrap);
            r.add("spring.kafka.consumer.auto-offset-reset", () -> "latest");
            r.add("settlement.kafka.group-id", () -> group);
            r.add("settlement.kafka.retry-max-interval", () -> "PT2S");
            r.add("settlement.outbox.server-id", () -> String.valueOf(ThreadLocalRandom.current().nextLong(10_000, 4_000_000_000L)));
            r.add("settlement.outbox.state-dir", state::toString);
            r.add("settlement.outbox.cleanup-interval", () -> "PT1H");
            r.add("server.port", () -> "0");
            r.add("settlement.management.user", () -> MANAGEMENT_USER);
            r.add("settlement.management.password", () -> MANAGEMENT_PASSWORD);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new consumer group starts at the end ("latest" in tests): wait until every listener has its partitions. */
    void awaitAssigned(KafkaListenerEndpointRegistry registry) {
        await().atMost(Duration.ofSeconds(60)).until(() -> registry.getListenerContainers().stream()
                .allMatch(c -> c.getAssignedPartitions() != null && !c.getAssignedPartitions().isEmpty()));
        for (String topic : List.of(Topics.KICKOFF, Topics.FILE_SUBMITTED, Topics.FILE_FAILED,
                Topics.REGISTRATION_RESULTS, Topics.SETTLEMENT_RESULTS)) {
            baseline.putAll(endOffsets(topic));
        }
    }

    private final Map<TopicPartition, Long> baseline = new java.util.concurrent.ConcurrentHashMap<>();

    private Map<TopicPartition, Long> endOffsets(String topic) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            return admin.listOffsets(partitions.stream()
                            .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get()
                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    void send(String topic, String key, byte[] value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void send(String topic, SettlementEvent event) {
        send(topic, event.key(), EventJson.write(event));
    }

    byte[] kickoff(String kickoffId, String job) {
        return ("{\"kickoffId\":\"" + kickoffId + "\",\"job\":\"" + job + "\",\"businessDate\":\"" + businessDate
                + "\",\"requestedAt\":\"2026-11-24T06:15:00+09:00\",\"requestedBy\":\"test\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 33554432);
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    void close() {
        if (producer != null) {
            producer.close();
        }
    }

    /** Every record of the topic (from the beginning) matching the filter, read until none arrives for a moment. */
    List<ConsumerRecord<String, byte[]>> readAll(String topic, Predicate<ConsumerRecord<String, byte[]>> filter) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 33554432);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(r)) {
                        out.add(r);
                    }
                }
            }
        }
        return out;
    }

    /** Waits until the collector's group has committed every record put into the topic since the test class started. */
    void awaitConsumed(String topic) {
        Map<TopicPartition, Long> end = endOffsets(topic);
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                return end.entrySet().stream().allMatch(e -> e.getValue() <= baseline.getOrDefault(e.getKey(), 0L)
                        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
            });
        }
    }

    static List<MessageListenerContainer> containers(KafkaListenerEndpointRegistry registry) {
        return new ArrayList<>(registry.getListenerContainers());
    }
}
