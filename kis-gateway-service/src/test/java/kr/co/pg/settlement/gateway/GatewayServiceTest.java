package kr.co.pg.settlement.gateway;

import kr.co.pg.settlement.simulator.EmbeddedKisSimulator;
import kr.co.pg.settlement.localstack.KafkaTestClient;
import static kr.co.pg.settlement.simulator.EmbeddedKisSimulator.asArguments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import kr.co.pg.settlement.events.EventHeaders;
import kr.co.pg.settlement.events.FileFailed;
import kr.co.pg.settlement.events.FileSubmitted;
import kr.co.pg.settlement.events.RegistrationFileRequested;
import kr.co.pg.settlement.events.SettlementFileRequested;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.localstack.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** The gateway against a real Kafka broker and the KIS simulator over real HTTP. */
class GatewayServiceTest {

    static final String SECRET = "gateway-test-secret";
    private static final AtomicInteger SEQ = new AtomicInteger(100);

    static EmbeddedKisSimulator simulator;
    static ConfigurableApplicationContext gateway;
    static KafkaTestClient kafka;
    static String bootstrap;

    @BeforeAll
    static void start() throws Exception {
        bootstrap = LocalStack.kafka().bootstrapServers();
        simulator = EmbeddedKisSimulator.start(Files.createTempDirectory("kis-sim-gw"), SECRET, Duration.ofMillis(300));
        gateway = startGateway(bootstrap, simulator.baseUrl());
        kafka = new KafkaTestClient(bootstrap, List.of(Topics.FILE_SUBMITTED, Topics.FILE_FAILED, Topics.DLT_GATEWAY));
    }

    static ConfigurableApplicationContext startGateway(String bootstrap, String kisBaseUrl) {
        Map<String, Object> props = new HashMap<>();
        props.put("spring.kafka.bootstrap-servers", bootstrap);
        props.put("server.port", "0");
        props.put("kis.base-url", kisBaseUrl);
        props.put("kis.secret", SECRET);
        props.put("kis.client-id", EmbeddedKisSimulator.CLIENT_ID);
        props.put("kis.response-timeout", "5s");
        props.put("settlement.gateway.retry.initial-interval", "200ms");
        props.put("settlement.gateway.retry.max-interval", "1s");
        props.put("resilience4j.retry.instances.kis.max-attempts", "3");
        props.put("resilience4j.retry.instances.kis.wait-duration", "100ms");
        props.put("resilience4j.circuitbreaker.instances.kis.wait-duration-in-open-state", "500ms");
        return new SpringApplicationBuilder(GatewayApplication.class).web(WebApplicationType.REACTIVE)
                .run(asArguments(props));
    }

    @AfterEach
    void noFaults() {
        simulator.resetFaults();
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void settlementFileIsUploadedOnceAndFileSubmittedCarriesTheReceipt() {
        int seq = SEQ.incrementAndGet();
        String fileId = GatewayTestData.fileId("S1", seq);
        SettlementFileRequested event = GatewayTestData.settlementFile(fileId, seq, 3, "TXA" + seq + "-");

        kafka.send(Topics.SETTLEMENT_FILE_REQUESTED, fileId, event);

        FileSubmitted submitted = awaitSubmitted(fileId, 1).get(0);
        List<JsonNode> files = simulator.filesWithKey(fileId);
        assertThat(files).hasSize(1);
        JsonNode file = files.get(0);
        assertThat(file.get("fileType").asString()).isEqualTo("S1");
        assertThat(file.get("recordCount").asInt()).isEqualTo(3);
        assertThat(file.get("fileSeq").asInt()).isEqualTo(seq);
        assertThat(submitted.receiptNo()).isEqualTo(file.get("receiptNo").asString());
        assertThat(submitted.eventId()).isEqualTo(FileSubmitted.eventIdFor(fileId));
        assertThat(submitted.fileType()).isEqualTo("S1");
        assertThat(submitted.recordCount()).isEqualTo(3);
        assertThat(submitted.fileDate()).isEqualTo(event.fileDate());
        assertThat(submitted.fileSeq()).isEqualTo(seq);
        assertThat(submitted.businessDate()).isEqualTo(event.businessDate());
        Map<String, Integer> counts = simulator.receivedCounts("S1");
        for (SettlementFileRequested.Transaction t : event.records()) {
            assertThat(counts).containsEntry(t.transactionId(), 1);
        }
        ConsumerRecord<String, byte[]> record = kafka.received(Topics.FILE_SUBMITTED, r -> fileId.equals(r.key())).get(0);
        assertThat(KafkaTestClient.header(record, EventHeaders.EVENT_ID)).isEqualTo(FileSubmitted.eventIdFor(fileId));
        assertThat(KafkaTestClient.header(record, EventHeaders.EVENT_TYPE)).isEqualTo("FileSubmitted");
        assertThat(KafkaTestClient.header(record, EventHeaders.BUSINESS_DATE)).isEqualTo("2026-11-24");
    }

    @Test
    void redeliveredEventGetsTheSameReceiptAndNoSecondFile() {
        int seq = SEQ.incrementAndGet();
        String fileId = GatewayTestData.fileId("S1", seq);
        SettlementFileRequested event = GatewayTestData.settlementFile(fileId, seq, 2, "TXB" + seq + "-");

        kafka.send(Topics.SETTLEMENT_FILE_REQUESTED, fileId, event);
        kafka.send(Topics.SETTLEMENT_FILE_REQUESTED, fileId, event);

        List<FileSubmitted> submitted = awaitSubmitted(fileId, 2);
        assertThat(submitted).extracting(FileSubmitted::eventId).containsOnly(FileSubmitted.eventIdFor(fileId));
        assertThat(submitted).extracting(FileSubmitted::receiptNo).containsOnly(submitted.get(0).receiptNo());
        assertThat(simulator.filesWithKey(fileId)).hasSize(1);
        assertThat(simulator.receivedCounts("S1")).containsEntry(event.records().get(0).transactionId(), 1);
    }

    @Test
    void kisUnavailableForAWhileThenTheFileGoesThroughOnce() {
        int seq = SEQ.incrementAndGet();
        String fileId = GatewayTestData.fileId("S1", seq);
        simulator.faults("{\"unavailableShare\":1.0}");
        long unavailableBefore = GatewayProgress.kisCallsAnswered(gateway, "503");

        kafka.send(Topics.SETTLEMENT_FILE_REQUESTED, fileId,
                GatewayTestData.settlementFile(fileId, seq, 2, "TXC" + seq + "-"));

        // two delivery rounds of 3 resilience4j attempts each, all answered 503: nothing is published
        await().atMost(Duration.ofSeconds(30)).until(() ->
                GatewayProgress.kisCallsAnswered(gateway, "503") >= unavailableBefore + 6);
        assertThat(GatewayProgress.readToEnd(bootstrap, Topics.FILE_SUBMITTED, fileId)).isEmpty();
        assertThat(GatewayProgress.readToEnd(bootstrap, Topics.FILE_FAILED, fileId)).isEmpty();
        assertThat(simulator.filesWithKey(fileId)).isEmpty();

        simulator.resetFaults();
        awaitSubmitted(fileId, 1);
        assertThat(simulator.filesWithKey(fileId)).hasSize(1);
        assertThat(kafka.events(Topics.FILE_FAILED, fileId, FileFailed.class)).isEmpty();
    }

    @Test
    void sameFileDateAndSequenceUnderAnotherFileIdIsRefusedWithKisCode() {
        int seq = SEQ.incrementAndGet();
        String firstId = GatewayTestData.fileId("S1", seq);
        kafka.send(Topics.SETTLEMENT_FILE_REQUESTED, firstId,
                GatewayTestData.settlementFile(firstId, seq, 1, "TXD" + seq + "-"));
        awaitSubmitted(firstId, 1);

        String conflictingId = firstId + "-B";
        kafka.send(Topics.SETTLEMENT_FILE_REQUESTED, conflictingId,
                GatewayTestData.settlementFile(conflictingId, seq, 1, "TXE" + seq + "-"));

        FileFailed failed = awaitFailed(conflictingId);
        assertThat(failed.kisCode()).isEqualTo("K409");
        assertThat(failed.resendable()).isFalse();
        assertThat(failed.fileType()).isEqualTo("S1");
        assertThat(failed.eventId()).isEqualTo(FileFailed.eventIdFor(conflictingId, null));
        assertThat(failed.message()).contains("409");
        assertThat(kafka.events(Topics.FILE_SUBMITTED, conflictingId, FileSubmitted.class)).isEmpty();
        assertThat(simulator.filesWithKey(conflictingId)).isEmpty();
    }

    @Test
    void recordTheLayoutCannotHoldIsRefusedBeforeUploadNamingLineAndField() {
        int seq = SEQ.incrementAndGet();
        String fileId = GatewayTestData.fileId("S1", seq);
        // S(14): a sign and 13 digits; this amount has 14 digits
        SettlementFileRequested event = GatewayTestData.settlementFile(fileId, seq, List.of(
                GatewayTestData.transaction(1, "TXF" + seq + "-1", 1000L),
                GatewayTestData.transaction(2, "TXF" + seq + "-2", 12_345_678_901_234L)));

        kafka.send(Topics.SETTLEMENT_FILE_REQUESTED, fileId, event);

        FileFailed failed = awaitFailed(fileId);
        assertThat(failed.resendable()).isFalse();
        assertThat(failed.line()).isEqualTo(3);
        assertThat(failed.message()).contains("amount").contains("12345678901234");
        assertThat(simulator.filesWithKey(fileId)).isEmpty();
    }

    @Test
    void registrationEventIsUploadedAsR1() {
        int seq = SEQ.incrementAndGet();
        String fileId = GatewayTestData.fileId("R1", seq);
        RegistrationFileRequested event = GatewayTestData.registrationFile(fileId, seq, "SUBR" + seq + "-");

        kafka.send(Topics.REGISTRATION_FILE_REQUESTED, fileId, event);

        FileSubmitted submitted = awaitSubmitted(fileId, 1).get(0);
        assertThat(submitted.fileType()).isEqualTo("R1");
        assertThat(submitted.recordCount()).isEqualTo(2);
        List<JsonNode> files = simulator.filesWithKey(fileId);
        assertThat(files).hasSize(1);
        assertThat(files.get(0).get("fileType").asString()).isEqualTo("R1");
        assertThat(files.get(0).get("receiptNo").asString()).isEqualTo(submitted.receiptNo());
        Map<String, Integer> counts = simulator.receivedCounts("R1");
        assertThat(counts).containsEntry("SUBR" + seq + "-01", 1).containsEntry("SUBR" + seq + "-02", 1);
    }

    @Test
    void unreadableEventGoesToTheDeadLetterTopicAndTheNextOneIsProcessed() {
        int seq = SEQ.incrementAndGet();
        String badKey = "S1-BROKEN-" + seq;
        kafka.sendRaw(Topics.SETTLEMENT_FILE_REQUESTED, badKey, "{not json".getBytes());
        String fileId = GatewayTestData.fileId("S1", seq);
        kafka.send(Topics.SETTLEMENT_FILE_REQUESTED, fileId,
                GatewayTestData.settlementFile(fileId, seq, 1, "TXG" + seq + "-"));

        awaitSubmitted(fileId, 1);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !kafka.received(Topics.DLT_GATEWAY, r -> badKey.equals(r.key())).isEmpty());
        ConsumerRecord<String, byte[]> dead = kafka.received(Topics.DLT_GATEWAY, r -> badKey.equals(r.key())).get(0);
        String reason = KafkaTestClient.header(dead, "kafka_dlt-exception-message");
        assertThat(reason).contains("unreadable JSON");
        assertThat(KafkaTestClient.header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.SETTLEMENT_FILE_REQUESTED);
    }

    private List<FileSubmitted> awaitSubmitted(String fileId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                kafka.events(Topics.FILE_SUBMITTED, fileId, FileSubmitted.class).size() >= count);
        return kafka.events(Topics.FILE_SUBMITTED, fileId, FileSubmitted.class);
    }

    private FileFailed awaitFailed(String fileId) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !kafka.events(Topics.FILE_FAILED, fileId, FileFailed.class).isEmpty());
        List<FileFailed> failed = kafka.events(Topics.FILE_FAILED, fileId, FileFailed.class);
        assertThat(failed).hasSize(1);
        return failed.get(0);
    }
}
