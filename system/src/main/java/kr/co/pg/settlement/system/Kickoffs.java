package kr.co.pg.settlement.system;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.scheduler.adapter.out.kafka.KickoffSender;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends kick-off messages through the scheduler's {@link KickoffSender} (exactly as events.md fixes them), or raw. */
public final class Kickoffs implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final KickoffSender sender;
    private final String requestedBy;

    public Kickoffs(String bootstrapServers, String requestedBy) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.producer = new KafkaProducer<>(p);
        this.sender = new KickoffSender(producer, Clock.system(ZoneId.of("Asia/Seoul")), Duration.ofSeconds(60));
        this.requestedBy = requestedBy;
    }

    /** Sends a kick-off and waits for the broker's ack; returns its kickoffId. */
    public String send(Job job, LocalDate businessDate) {
        return sender.send(job, businessDate, requestedBy).kickoffId();
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
