package kr.co.pg.settlement.scheduler.adapter.out.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kr.co.pg.settlement.events.EventHeaders;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.scheduler.application.KickoffNotSentException;
import kr.co.pg.settlement.scheduler.application.KickoffPort;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends kick-off messages to {@link Topics#KICKOFF} exactly as events.md fixes them: key = job name, value =
 * {@code {"kickoffId","job","businessDate","requestedAt","requestedBy"}} as UTF-8 JSON; headers eventId (= kickoff
 * id), eventType, businessDate. {@link #send} returns only after the broker acknowledged the record.
 * <p>
 * Usable without Spring (the demo runner, the ops-cli): {@code try (var s = KickoffSender.create("host:9092",
 * clock)) { s.send(Job.DIFF_SETTLEMENT_REQUEST, date, "operator"); }}
 */
public final class KickoffSender implements KickoffPort, AutoCloseable {

    public static final String EVENT_TYPE = "KickoffRequested";
    /** requestedAt like 2026-11-24T07:15:00+09:00 (seconds always written). */
    private static final DateTimeFormatter REQUESTED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Clock clock;
    private final Duration ackTimeout;
    private final boolean ownsProducer;

    /** Uses a producer managed by someone else (e.g. Spring's producer factory); close() leaves it open. */
    public KickoffSender(Producer<String, byte[]> producer, Clock clock, Duration ackTimeout) {
        this(producer, Topics.KICKOFF, clock, ackTimeout, false);
    }

    /** As above, sending to {@code topic} instead of {@link Topics#KICKOFF} (tests isolate themselves so). */
    public KickoffSender(Producer<String, byte[]> producer, String topic, Clock clock, Duration ackTimeout) {
        this(producer, topic, clock, ackTimeout, false);
    }

    private KickoffSender(Producer<String, byte[]> producer, String topic, Clock clock, Duration ackTimeout,
                          boolean ownsProducer) {
        this.producer = producer;
        this.topic = topic;
        this.clock = clock;
        this.ackTimeout = ackTimeout;
        this.ownsProducer = ownsProducer;
    }

    /** A sender with its own producer (acks=all, idempotent); close it when done. */
    public static KickoffSender create(String bootstrapServers, Clock clock) {
        return owning(new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.CLIENT_ID_CONFIG, "kickoff-sender-" + UUID.randomUUID()),
                new StringSerializer(), new ByteArraySerializer()), clock, Duration.ofSeconds(30));
    }

    /** A sender that closes {@code producer} when it is closed (operator tools with their own producer settings). */
    public static KickoffSender owning(Producer<String, byte[]> producer, Clock clock, Duration ackTimeout) {
        return new KickoffSender(producer, Topics.KICKOFF, clock, ackTimeout, true);
    }

    /** Where the broker stored a kick-off. */
    public record Sent(String kickoffId, int partition, long offset) {
    }

    /** Sends a new kick-off (its id a random UUID). */
    public Sent send(Job job, LocalDate businessDate, String requestedBy) {
        return publish(UUID.randomUUID().toString(), job, businessDate, requestedBy);
    }

    @Override
    public void send(String kickoffId, Job job, LocalDate businessDate, String requestedBy) {
        publish(kickoffId, job, businessDate, requestedBy);
    }

    private Sent publish(String kickoffId, Job job, LocalDate businessDate, String requestedBy) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, job.name(),
                json(kickoffId, job, businessDate, requestedBy));
        record.headers().add(EventHeaders.EVENT_ID, kickoffId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, EVENT_TYPE.getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.BUSINESS_DATE, businessDate.toString().getBytes(StandardCharsets.UTF_8));
        try {
            RecordMetadata stored = producer.send(record).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Sent(kickoffId, stored.partition(), stored.offset());
        } catch (KafkaException e) {
            // thrown by send() itself, e.g. no metadata within max.block.ms (broker unreachable)
            throw new KickoffNotSentException("kick-off " + kickoffId + " (" + job + ", " + businessDate
                    + ") not accepted by the Kafka producer for topic " + topic + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KickoffNotSentException("interrupted while sending kick-off " + kickoffId, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new KickoffNotSentException("kick-off " + kickoffId + " (" + job + ", " + businessDate
                    + ") not acknowledged by Kafka on topic " + topic + " within " + ackTimeout + ": "
                    + cause, cause);
        }
    }

    private byte[] json(String kickoffId, Job job, LocalDate businessDate, String requestedBy) {
        OffsetDateTime requestedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        ObjectNode value = EventJson.mapper().createObjectNode();
        value.put("kickoffId", kickoffId);
        value.put("job", job.name());
        value.put("businessDate", businessDate.toString());
        value.put("requestedAt", REQUESTED_AT.format(requestedAt));
        value.put("requestedBy", requestedBy);
        return EventJson.write(value);
    }

    @Override
    public void close() {
        if (ownsProducer) {
            producer.close(Duration.ofSeconds(10));
        }
    }
}
