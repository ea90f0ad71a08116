package kr.co.pg.settlement.ops.kickoff;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kr.co.pg.settlement.events.EventHeaders;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.ops.KafkaClients;
import kr.co.pg.settlement.ops.OpsCommand;
import kr.co.pg.settlement.ops.OpsException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import tools.jackson.databind.node.ObjectNode;

/**
 * Produces a kick-off exactly as the public contract fixes it: topic settlement.kickoff.v1, key = job name, value =
 * UTF-8 JSON {kickoffId, job, businessDate, requestedAt (Asia/Seoul offset, seconds), requestedBy}; headers eventId
 * (= kickoffId), eventType KickoffRequested, businessDate - like the scheduler's producer.
 */
final class KickoffPublisher {

    static final String EVENT_TYPE = "KickoffRequested";
    private static final DateTimeFormatter REQUESTED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private final String bootstrap;
    private final Clock clock;

    KickoffPublisher(String bootstrap, Clock clock) {
        this.bootstrap = bootstrap;
        this.clock = clock.withZone(OpsCommand.KST);
    }

    record Sent(String kickoffId, int partition, long offset) {
    }

    Sent send(Job job, LocalDate businessDate, String requestedBy) {
        String kickoffId = UUID.randomUUID().toString();
        ObjectNode value = EventJson.mapper().createObjectNode();
        value.put("kickoffId", kickoffId);
        value.put("job", job.name());
        value.put("businessDate", businessDate.toString());
        value.put("requestedAt", REQUESTED_AT.format(OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)));
        value.put("requestedBy", requestedBy);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.KICKOFF, job.name(), EventJson.write(value));
        record.headers().add(EventHeaders.EVENT_ID, utf8(kickoffId));
        record.headers().add(EventHeaders.EVENT_TYPE, utf8(EVENT_TYPE));
        record.headers().add(EventHeaders.BUSINESS_DATE, utf8(businessDate.toString()));
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(bootstrap, null)) {
            RecordMetadata m = producer.send(record).get(40, TimeUnit.SECONDS);
            return new Sent(kickoffId, m.partition(), m.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsException("interrupted while sending the kick-off " + kickoffId, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new OpsException("kick-off " + job + " " + businessDate + " not accepted by Kafka at " + bootstrap
                    + " (topic " + Topics.KICKOFF + "): " + cause + "; nothing was sent, run it again", cause);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new OpsException("Kafka at " + bootstrap + ": " + e.getMessage() + "; nothing was sent", e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
