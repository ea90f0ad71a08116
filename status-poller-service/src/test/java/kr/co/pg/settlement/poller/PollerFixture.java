package kr.co.pg.settlement.poller;

import kr.co.pg.settlement.simulator.EmbeddedKisSimulator;
import kr.co.pg.settlement.localstack.KafkaTestClient;
import static kr.co.pg.settlement.simulator.EmbeddedKisSimulator.asArguments;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.TimeUnit;
import kr.co.pg.settlement.events.ConsumerGroups;
import kr.co.pg.settlement.events.FileSubmitted;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import kr.co.pg.settlement.events.RegistrationResultsReceived.RegistrationResult;
import kr.co.pg.settlement.events.SettlementResultsReceived.SettlementResult;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.kis.client.DownloadResult;
import kr.co.pg.settlement.kis.client.KisClient;
import kr.co.pg.settlement.kis.client.KisClientConfig;
import kr.co.pg.settlement.kis.client.StatusResult;
import kr.co.pg.settlement.kis.client.UploadResult;
import kr.co.pg.settlement.kis.protocol.FeeTier;
import kr.co.pg.settlement.kis.protocol.FileHeader;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kis.protocol.KisFileReader;
import kr.co.pg.settlement.kis.protocol.KisFiles;
import kr.co.pg.settlement.kis.protocol.R1Record;
import kr.co.pg.settlement.kis.protocol.R2Record;
import kr.co.pg.settlement.kis.protocol.S1Record;
import kr.co.pg.settlement.kis.protocol.S2Record;
import kr.co.pg.settlement.localstack.LocalStack;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Simulator + poller (own database) + a Kafka test client; uploads request files the way the gateway would. */
final class PollerFixture implements AutoCloseable {

    static final String SECRET = "poller-test-secret";
    static final LocalDate DATE = LocalDate.of(2026, 11, 24);

    final EmbeddedKisSimulator simulator;
    ConfigurableApplicationContext poller;
    final KafkaTestClient kafka;
    final KisClient kis;
    JdbcTemplate jdbc;
    private final String[] pollerArguments;
    private final String bootstrap;
    private final KafkaProducer<String, byte[]> producer;
    private int nextSeq = 1;

    PollerFixture(Duration interval) throws IOException {
        this(interval, Map.of());
    }

    /** {@code overrides}: poller properties that win over the fixture's (e.g. kis.base-url of a proxy in front of the simulator). */
    PollerFixture(Duration interval, Map<String, Object> overrides) throws IOException {
        bootstrap = LocalStack.kafka().bootstrapServers();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        simulator = EmbeddedKisSimulator.start(Files.createTempDirectory("kis-sim-poller"), SECRET, Duration.ofMillis(700));
        String database = "poller_it_" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> props = new HashMap<>();
        props.put("spring.kafka.bootstrap-servers", bootstrap);
        props.put("spring.datasource.url", LocalStack.mariaDb().jdbcUrl(database));
        props.put("spring.datasource.username", LocalStack.mariaDb().username());
        props.put("spring.datasource.password", LocalStack.mariaDb().password());
        props.put("server.port", "0");
        props.put("kis.base-url", simulator.baseUrl());
        props.put("kis.secret", SECRET);
        props.put("kis.client-id", EmbeddedKisSimulator.CLIENT_ID);
        props.put("settlement.poller.interval", interval.toMillis() + "ms");
        props.put("settlement.poller.max-backoff", "1s");
        props.put("settlement.poller.records-per-event", "2");
        props.put("settlement.poller.work-dir", Files.createTempDirectory("poller-work").toString());
        props.put("settlement.poller.retry.initial-interval", "200ms");
        props.put("settlement.poller.retry.max-interval", "1s");
        props.put("resilience4j.retry.instances.kis.max-attempts", "2");
        props.put("resilience4j.retry.instances.kis.wait-duration", "100ms");
        props.put("resilience4j.circuitbreaker.instances.kis.wait-duration-in-open-state", "500ms");
        props.putAll(overrides);
        pollerArguments = asArguments(props);
        startPoller();
        kafka = new KafkaTestClient(bootstrap, List.of(Topics.SETTLEMENT_RESULTS, Topics.REGISTRATION_RESULTS,
                Topics.FILE_FAILED, Topics.DLT_POLLER));
        kis = new KisClient(KisClientConfig.withDefaults(simulator.baseUrl(), EmbeddedKisSimulator.CLIENT_ID, SECRET),
                java.time.Clock.systemUTC());
    }

    private void startPoller() {
        poller = new SpringApplicationBuilder(PollerApplication.class).web(WebApplicationType.REACTIVE)
                .run(pollerArguments);
        jdbc = poller.getBean(JdbcTemplate.class);
    }

    /** The poller stopped and started again: same database, work directory and settings (a restarted instance). */
    void restartPoller() {
        poller.close();
        startPoller();
    }

    record Submitted(String fileId, String receiptNo, FileType type, int recordCount, FileSubmitted event) {
    }

    /** Uploads an S1 file of {@code records} transactions to the simulator and returns its FileSubmitted. */
    Submitted uploadS1(int records) {
        int seq = nextSeq++;
        String fileId = "S1-20261124-" + String.format("%06d", seq);
        List<S1Record> s1 = new ArrayList<>();
        for (int i = 1; i <= records; i++) {
            long amount = 50_000L + i;
            s1.add(new S1Record(i, "TX" + seq + "-" + i, "SUB0000001", "KIS000000000001", "1248100998", "BC", 'C', 'A',
                    DATE.minusDays(1), java.time.LocalTime.of(10, 0, i % 60), String.format("%08d", i), null, null,
                    "123456******1234", amount, new BigDecimal("2.300"), amount * 23 / 1000, amount * 19 / 1000));
        }
        byte[] body = KisFiles.renderS1(new FileHeader(FileType.S1, EmbeddedKisSimulator.CLIENT_ID, DATE, seq,
                LocalDateTime.of(2026, 11, 24, 7, 0), null), s1);
        return submitted(fileId, FileType.S1, seq, records, body);
    }

    /** Uploads an R1 file of two registrations. */
    Submitted uploadR1() {
        int seq = nextSeq++;
        String fileId = "R1-20261124-" + String.format("%06d", seq);
        List<R1Record> r1 = List.of(
                new R1Record(1, 'N', "SUBP" + seq + "A", "1248100998", "행복한 가게", "김철수", LocalDate.of(2020, 3, 1),
                        null, "54321", "0212345678", "04524", "서울특별시 중구 세종대로 110"),
                new R1Record(2, 'N', "SUBP" + seq + "B", "1234567890", "Coffee Lab", "이영희", LocalDate.of(2021, 7, 15),
                        null, "56221", "0311234567", "13529", "경기도 성남시"));
        byte[] body = KisFiles.renderR1(new FileHeader(FileType.R1, EmbeddedKisSimulator.CLIENT_ID, DATE, seq,
                LocalDateTime.of(2026, 11, 24, 6, 0), null), r1);
        return submitted(fileId, FileType.R1, seq, 2, body);
    }

    private Submitted submitted(String fileId, FileType type, int seq, int records, byte[] body) {
        UploadResult result = kis.upload(type, fileId, body).block(Duration.ofSeconds(30));
        if (!(result instanceof UploadResult.Accepted accepted)) {
            throw new IllegalStateException("simulator did not accept " + fileId + ": " + result);
        }
        FileSubmitted event = new FileSubmitted(FileSubmitted.eventIdFor(fileId), DATE, fileId, type.name(), DATE, seq,
                accepted.receiptNo(), records, Instant.now());
        return new Submitted(fileId, accepted.receiptNo(), type, records, event);
    }

    void publish(Submitted submitted) {
        kafka.send(Topics.FILE_SUBMITTED, submitted.fileId(), submitted.event());
    }

    boolean isDone(String receiptNo) {
        return kis.status(receiptNo).block(Duration.ofSeconds(10)) instanceof StatusResult.Found f
                && f.status() == StatusResult.ReceiptStatus.DONE;
    }

    /** The S2 file KIS serves for the receipt, as the records the poller must publish. */
    List<SettlementResult> expectedSettlementResults(String receiptNo) throws IOException {
        List<SettlementResult> results = new ArrayList<>();
        Path file = download(receiptNo);
        KisFileReader.read(file, FileType.S2, (S2Record r) -> results.add(new SettlementResult(r.seq(),
                r.transactionId(), r.approvalNo(), r.approvalDate(), r.resultCode(), r.resultMessage(),
                r.preferentialRate(), r.differenceAmount(), r.payoutDate())));
        Files.deleteIfExists(file);
        return results;
    }

    List<RegistrationResult> expectedRegistrationResults(String receiptNo) throws IOException {
        List<RegistrationResult> results = new ArrayList<>();
        Path file = download(receiptNo);
        KisFileReader.read(file, FileType.R2, (R2Record r) -> results.add(new RegistrationResult(r.seq(),
                String.valueOf(r.requestType()), r.subMerchantId(), r.businessNo(), r.resultCode(), r.resultMessage(),
                r.feeTier() == null || r.feeTier().isBlank() ? null : FeeTier.fromKisCode(r.feeTier()).orElseThrow().name(),
                r.tierValidFrom(), r.tierValidTo(),
                r.kisSubMerchantNo() == null || r.kisSubMerchantNo().isBlank() ? null : r.kisSubMerchantNo())));
        Files.deleteIfExists(file);
        return results;
    }

    private Path download(String receiptNo) throws IOException {
        Path file = Files.createTempFile("expected-" + receiptNo, ".kis");
        DownloadResult result = kis.download(receiptNo, file).block(Duration.ofSeconds(30));
        if (!(result instanceof DownloadResult.Downloaded)) {
            throw new IllegalStateException("download of " + receiptNo + ": " + result);
        }
        return file;
    }

    Map<String, Object> receiptRow(String receiptNo) {
        return jdbc.queryForMap("SELECT * FROM pending_receipt WHERE receipt_no = ?", receiptNo);
    }

    int receiptRows(String receiptNo) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM pending_receipt WHERE receipt_no = ?", Integer.class, receiptNo);
    }

    /** Sends with the fixture's own producer and returns where the record went. */
    RecordMetadata sendRaw(String topic, String key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("sending to " + topic, e);
        }
    }

    /** Waits until the poller's consumer group committed past this record: its handling is over. */
    void awaitConsumed(RecordMetadata record) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(ConsumerGroups.POLLER)
                        .partitionsToOffsetAndMetadata().get().get(tp);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    /**
     * Every record of the topic with this key whose event id names this receipt (test classes share the broker
     * and file ids), read from the beginning to the current end: no waiting for more.
     */
    List<ConsumerRecord<String, byte[]>> readAll(String topic, String key, String receiptNo) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 33554432), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    if (key.equals(r.key()) && String.valueOf(KafkaTestClient.header(r, "eventId")).contains(receiptNo)) {
                        out.add(r);
                    }
                }
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
        }
        return out;
    }

    @Override
    public void close() {
        producer.close();
        kafka.close();
        kis.close();
        poller.close();
        simulator.close();
    }

    /** As command-line arguments: they win over application.yml (default properties would not). */
    static String[] asArguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
