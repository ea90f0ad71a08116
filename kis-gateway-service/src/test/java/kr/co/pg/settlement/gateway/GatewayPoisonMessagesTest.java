package kr.co.pg.settlement.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.events.FileSubmitted;
import kr.co.pg.settlement.events.RegistrationFileRequested;
import kr.co.pg.settlement.events.SettlementFileRequested;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.localstack.KafkaTestClient;
import kr.co.pg.settlement.localstack.LocalStack;
import kr.co.pg.settlement.simulator.EmbeddedKisSimulator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Poison file requests (same key as a good one, so the same partition) go to the gateway's dead-letter topic with
 * the reason, and the good file behind them is uploaded: real Kafka, the KIS simulator over HTTP.
 */
class GatewayPoisonMessagesTest {

    static EmbeddedKisSimulator simulator;
    static ConfigurableApplicationContext gateway;
    static KafkaTestClient kafka;
    static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() throws Exception {
        String bootstrap = LocalStack.kafka().bootstrapServers();
        simulator = EmbeddedKisSimulator.start(Files.createTempDirectory("kis-sim-gw-poison"),
                GatewayServiceTest.SECRET, Duration.ofMillis(300));
        gateway = GatewayServiceTest.startGateway(bootstrap, simulator.baseUrl());
        kafka = new KafkaTestClient(bootstrap, List.of(Topics.FILE_SUBMITTED, Topics.DLT_GATEWAY));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 33554432), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
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

    private static RecordMetadata send(String topic, String key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RecordMetadata send(String topic, String key, String value) {
        return send(topic, key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String deadLetterReason(RecordMetadata poison) {
        ConsumerRecord<String, byte[]> dead = await().atMost(Duration.ofSeconds(60)).until(() ->
                kafka.received(Topics.DLT_GATEWAY, r -> poison.topic().equals(
                        KafkaTestClient.header(r, "kafka_dlt-original-topic"))
                        && poison.partition() == ByteBuffer.wrap(r.headers().lastHeader("kafka_dlt-original-partition")
                        .value()).getInt()
                        && poison.offset() == ByteBuffer.wrap(r.headers().lastHeader("kafka_dlt-original-offset")
                        .value()).getLong()), list -> !list.isEmpty()).get(0);
        return KafkaTestClient.header(dead, "dltReason");
    }

    @Test
    void poisonSettlementFileRequestsDoNotBlockTheFileBehindThem() {
        String fileId = GatewayTestData.fileId("S1", 901);
        SettlementFileRequested good = GatewayTestData.settlementFile(fileId, 901, 2, "TXP901-");
        List<RecordMetadata> poisons = new ArrayList<>();
        poisons.add(send(Topics.SETTLEMENT_FILE_REQUESTED, fileId, (byte[]) null));
        poisons.add(send(Topics.SETTLEMENT_FILE_REQUESTED, fileId, "{\"fileId\": oops"));
        poisons.add(send(Topics.SETTLEMENT_FILE_REQUESTED, fileId, "{\"eventId\":\"no-records\",\"fileId\":\"" + fileId
                + "\"}"));
        poisons.add(send(Topics.SETTLEMENT_FILE_REQUESTED, fileId, EventJson.write(new SettlementFileRequested(
                "evt-no-approval", good.businessDate(), fileId, good.fileDate(), 901, good.createdAt(),
                List.of(GatewayTestData.transaction(1, "TXP901-X", 1000L)).stream().map(t ->
                        new SettlementFileRequested.Transaction(t.seq(), t.transactionId(), t.subMerchantId(),
                                t.kisSubMerchantNo(), t.businessNo(), t.cardCompany(), t.cardType(), t.transactionType(),
                                null, t.approvalNo(), t.originalApprovedOn(), t.originalApprovalNo(), t.maskedCardNo(),
                                t.amount(), t.appliedFeeRate(), t.feeAmount(), t.expectedDifference())).toList()))));
        RecordMetadata goodRecord = send(Topics.SETTLEMENT_FILE_REQUESTED, fileId, EventJson.write(good));
        assertThat(poisons).allMatch(p -> p.partition() == goodRecord.partition());

        await().atMost(Duration.ofSeconds(60)).until(() ->
                !kafka.events(Topics.FILE_SUBMITTED, fileId, FileSubmitted.class).isEmpty());
        assertThat(deadLetterReason(poisons.get(0))).contains("empty message (tombstone)");
        assertThat(deadLetterReason(poisons.get(1))).contains("unreadable JSON");
        assertThat(deadLetterReason(poisons.get(2))).isNotBlank();
        assertThat(deadLetterReason(poisons.get(3))).contains("approvedAt");
        assertThat(simulator.filesWithKey(fileId)).hasSize(1);
    }

    @Test
    void poisonRegistrationFileRequestsDoNotBlockTheFileBehindThem() {
        String fileId = GatewayTestData.fileId("R1", 902);
        RecordMetadata tombstone = send(Topics.REGISTRATION_FILE_REQUESTED, fileId, (byte[]) null);
        RecordMetadata array = send(Topics.REGISTRATION_FILE_REQUESTED, fileId, "[1,2,3]");
        RecordMetadata wrongType = send(Topics.REGISTRATION_FILE_REQUESTED, fileId, "{\"eventId\":\"e\",\"fileSeq\":\"first\"}");
        send(Topics.REGISTRATION_FILE_REQUESTED, fileId, EventJson.write(GatewayTestData.registrationFile(fileId, 902,
                "SMP902")));

        await().atMost(Duration.ofSeconds(60)).until(() ->
                !kafka.events(Topics.FILE_SUBMITTED, fileId, FileSubmitted.class).isEmpty());
        assertThat(deadLetterReason(tombstone)).contains("empty message (tombstone)");
        assertThat(deadLetterReason(array)).contains("unreadable JSON");
        assertThat(deadLetterReason(wrongType)).contains("unreadable JSON");
    }

    @Test
    void fileRequestsOfAnotherTypeAreDeadLetteredAndTheFileBehindThemIsUploaded() {
        String s1 = GatewayTestData.fileId("S1", 903);
        String r1 = GatewayTestData.fileId("R1", 904);
        SettlementFileRequested settlement = GatewayTestData.settlementFile(s1, 903, 1, "TXP903-");
        RegistrationFileRequested registration = GatewayTestData.registrationFile(r1, 904, "SMP904");
        // each topic carries one type and no type header: the other type is read as the topic's and must fail there
        RecordMetadata registrationAsSettlement = send(Topics.SETTLEMENT_FILE_REQUESTED, s1, EventJson.write(registration));
        RecordMetadata submittedAsSettlement = send(Topics.SETTLEMENT_FILE_REQUESTED, s1, EventJson.write(
                new FileSubmitted(FileSubmitted.eventIdFor(s1), settlement.businessDate(), s1, "S1",
                        settlement.fileDate(), 903, "R0000000000000000903", 1, Instant.now())));
        RecordMetadata settlementAsRegistration = send(Topics.REGISTRATION_FILE_REQUESTED, r1, EventJson.write(settlement));
        send(Topics.SETTLEMENT_FILE_REQUESTED, s1, EventJson.write(settlement));
        send(Topics.REGISTRATION_FILE_REQUESTED, r1, EventJson.write(registration));

        await().atMost(Duration.ofSeconds(60)).until(() ->
                !kafka.events(Topics.FILE_SUBMITTED, s1, FileSubmitted.class).isEmpty()
                        && !kafka.events(Topics.FILE_SUBMITTED, r1, FileSubmitted.class).isEmpty());
        assertThat(deadLetterReason(registrationAsSettlement)).contains("Cannot map `null` into type `long`");
        assertThat(deadLetterReason(submittedAsSettlement)).contains("fileDate, createdAt and records are required");
        assertThat(deadLetterReason(settlementAsRegistration)).contains("field requestType");
        assertThat(simulator.filesWithKey(s1)).hasSize(1);
        assertThat(simulator.filesWithKey(r1)).hasSize(1);
    }
}
