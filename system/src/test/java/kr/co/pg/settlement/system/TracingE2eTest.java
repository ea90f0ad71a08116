package kr.co.pg.settlement.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.localstack.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * One trace per kick-off: a kick-off sent with a known {@code traceparent} header; the file-requested event the
 * collector writes (outbox row, relayed by Debezium), the FileSubmitted the gateway publishes after its KIS call, the
 * results the poller publishes minutes later and the log lines of the services all carry its trace id.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TracingE2eTest extends SystemE2eSupport {

    private static final LocalDate DAY = LocalDate.of(2025, 2, 17);
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-b7ad6b7169203331-01";
    private static final String SMALL_BN = "2208162517";
    private static final String SETTLEMENT_TRACE_ID = "5b8efff798038103d269b633813fc60c";

    @BeforeAll
    static void start() throws Exception {
        startSystem(4, 50);
        simulator.annualSales(Map.of(SMALL_BN, 250_000_000L));
        insertSubMerchant("SM-TRACED", SMALL_BN, "한빛상사", "김민준", LocalDate.of(2020, 1, 1), "NONE", null);
    }

    @Test
    @Order(1)
    void collectorGatewayKisPollerAndCollectorAgainShareTheKickoffsTrace(CapturedOutput output) {
        String kickoffId = sendKickoff(Job.SUBMERCHANT_REGISTRATION_REQUEST, TRACEPARENT);
        awaitJobDone(kickoffId);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> registration("SM-TRACED").startsWith("REGISTERED|0000|"));

        // collector: the file's event (outbox row with its traceparent, relayed by Debezium)
        List<ConsumerRecord<String, byte[]>> requested = records(Topics.REGISTRATION_FILE_REQUESTED);
        assertThat(requested).singleElement().satisfies(r -> inTheKickoffsTrace(traceparent(r)));
        // gateway: what it published after KIS accepted the upload (the upload request carried the same header)
        assertThat(records(Topics.FILE_SUBMITTED)).singleElement().satisfies(r -> inTheKickoffsTrace(traceparent(r)));
        // poller: the results it polled later, which the collector consumed (the sub-merchant is REGISTERED)
        List<ConsumerRecord<String, byte[]>> results = records(Topics.REGISTRATION_RESULTS);
        assertThat(results).isNotEmpty().allSatisfy(r -> inTheKickoffsTrace(traceparent(r)));
        // each hop is a span of its own in the one trace
        assertThat(List.of(traceparent(requested.get(0)), traceparent(results.get(0)), TRACEPARENT))
                .doesNotHaveDuplicates();
        // and the services' log lines carry the trace id
        assertThat(output.getOut().lines().filter(line -> line.contains(TRACE_ID)).count())
                .as("log lines with the trace id").isGreaterThan(0);
    }

    /** A difference settlement: kick-off -> slice event -> page written on a writer thread -> S1 file -> results. */
    @Test
    @Order(2)
    void aDifferenceSettlementRunKeepsItsTraceThroughSlicesAndPageWriters() throws Exception {
        execute("INSERT INTO payment_transaction (transaction_id, sub_merchant_id, card_company, card_type,"
                + " transaction_type, approval_no, approved_at, masked_card_no, amount, applied_fee_rate, fee_amount)"
                + " VALUES ('T-TRACED', 'SM-TRACED', 'KB', 'CREDIT', 'APPROVAL', '10000001', '2025-02-14 00:00:00',"
                + " '540926******1234', 10000, 2.300, 230)");
        String kickoffId = sendKickoff(Job.DIFF_SETTLEMENT_REQUEST,
                "00-" + SETTLEMENT_TRACE_ID + "-b7ad6b7169203331-01");
        awaitJobDone(kickoffId);
        awaitNoTransactionIn("NONE", "COLLECTED", "SENT");

        assertThat(db.dump("SELECT diff_status FROM payment_transaction WHERE transaction_id = 'T-TRACED'"))
                .containsExactly("SETTLED");
        assertThat(records(Topics.SETTLEMENT_SLICE_REQUESTED)).isNotEmpty()
                .allSatisfy(r -> assertThat(traceparent(r)).startsWith("00-" + SETTLEMENT_TRACE_ID + "-"));
        for (String topic : List.of(Topics.SETTLEMENT_FILE_REQUESTED, Topics.SETTLEMENT_RESULTS)) {
            assertThat(records(topic)).as(topic).singleElement()
                    .satisfies(r -> assertThat(traceparent(r)).startsWith("00-" + SETTLEMENT_TRACE_ID + "-"));
        }
        assertThat(records(Topics.FILE_SUBMITTED)).filteredOn(r -> r.key().startsWith("S1-")).singleElement()
                .satisfies(r -> assertThat(traceparent(r)).startsWith("00-" + SETTLEMENT_TRACE_ID + "-"));
    }

    private void inTheKickoffsTrace(String traceparent) {
        assertThat(traceparent).startsWith("00-" + TRACE_ID + "-").hasSize(55);
    }

    private static String traceparent(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("traceparent");
        return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }

    /** A kick-off as the scheduler sends it, with the given traceparent header (none when null). */
    private static String sendKickoff(Job job, String traceparent) {
        String kickoffId = UUID.randomUUID().toString();
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("kickoffId", kickoffId);
        value.put("job", job.name());
        value.put("businessDate", DAY.toString());
        value.put("requestedAt", OffsetDateTime.now(ZoneId.of("Asia/Seoul")).withNano(0).toString());
        value.put("requestedBy", "tracing-e2e");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafka().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.KICKOFF, job.name(),
                    EventJson.write(value));
            if (traceparent != null) {
                record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII));
            }
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("kick-off not sent", e);
        }
        return kickoffId;
    }

    /** Every record of the topic so far. */
    private static List<ConsumerRecord<String, byte[]>> records(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafka().bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
            return all;
        }
    }
}
