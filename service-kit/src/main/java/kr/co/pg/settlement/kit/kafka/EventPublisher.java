package kr.co.pg.settlement.kit.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kr.co.pg.settlement.events.EventHeaders;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.events.SettlementEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Publishes an event (key, {@link EventJson} value, the headers eventId, eventType, businessDate) and waits for the
 * broker's acknowledgement: a caller goes on only once its event is stored, else it fails and its own input is
 * delivered again.
 */
public final class EventPublisher {

    private final KafkaOperations<String, byte[]> kafka;
    private final Duration sendTimeout;
    private final String whenNotAcknowledged;

    /** @param whenNotAcknowledged what happens then, for the exception's message (the request is delivered again) */
    public EventPublisher(KafkaOperations<String, byte[]> kafka, Duration sendTimeout, String whenNotAcknowledged) {
        this.kafka = kafka;
        this.sendTimeout = sendTimeout;
        this.whenNotAcknowledged = whenNotAcknowledged;
    }

    public void publish(String topic, String eventType, SettlementEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.key(), EventJson.write(event));
        record.headers().add(EventHeaders.EVENT_ID, event.eventId().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, eventType.getBytes(StandardCharsets.UTF_8));
        if (event.businessDate() != null) {
            record.headers().add(EventHeaders.BUSINESS_DATE,
                    event.businessDate().toString().getBytes(StandardCharsets.UTF_8));
        }
        try {
            kafka.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + event.eventId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("publishing " + event.eventId() + " to " + topic
                    + " was not acknowledged; " + whenNotAcknowledged, e);
        }
    }
}
