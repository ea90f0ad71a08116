package kr.co.pg.settlement.system;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends kick-off messages exactly as events.md fixes them (key = job name, UTF-8 JSON value). */
public final class Kickoffs implements AutoCloseable {

    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    private final KafkaProducer<String, byte[]> producer;
    private final String requestedBy;

    public Kickoffs(String bootstrapServers, String requestedBy) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
        this.requestedBy = requestedBy;
    }

    /** Sends a kick-off and waits for the broker's ack; returns its kickoffId. */
    public String send(Job job, LocalDate businessDate) {
        String kickoffId = UUID.randomUUID().toString();
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("kickoffId", kickoffId);
        value.put("job", job.name());
        value.put("businessDate", businessDate.toString());
        value.put("requestedAt", OffsetDateTime.now(KST).withNano(0).toString());
        value.put("requestedBy", requestedBy);
        sendRaw(job.name(), EventJson.write(value));
        return kickoffId;
    }

    /** Sends any bytes as a kick-off (tests of malformed messages, replays of a given id). */
    public void sendRaw(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.KICKOFF, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending a kick-off", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("kick-off not accepted by Kafka: " + e.getCause(), e.getCause());
        }
    }

    public void sendRaw(String key, String value) {
        sendRaw(key, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
