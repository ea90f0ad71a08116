package kr.co.pg.settlement.poller.adapter.out.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kr.co.pg.settlement.events.EventHeaders;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.events.FileFailed;
import kr.co.pg.settlement.events.RegistrationResultsReceived;
import kr.co.pg.settlement.events.RegistrationResultsReceived.RegistrationResult;
import kr.co.pg.settlement.events.SettlementEvent;
import kr.co.pg.settlement.events.SettlementResultsReceived;
import kr.co.pg.settlement.events.SettlementResultsReceived.SettlementResult;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.poller.application.ResultEventsPort;
import kr.co.pg.settlement.poller.domain.PendingReceipt;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes result parts and FileFailed (key = file id) and waits for the broker's acknowledgement. */
@Component
class KafkaResultEvents implements ResultEventsPort {

    private final KafkaTemplate<String, byte[]> kafka;
    private final Clock clock;
    private final Duration sendTimeout;

    KafkaResultEvents(KafkaTemplate<String, byte[]> kafka, Clock clock,
                      @Value("${settlement.poller.send-timeout:30s}") Duration sendTimeout) {
        this.kafka = kafka;
        this.clock = clock;
        this.sendTimeout = sendTimeout;
    }

    @Override
    public void registrationResults(PendingReceipt receipt, int part, int partCount, List<RegistrationResult> results) {
        publish(Topics.REGISTRATION_RESULTS, "RegistrationResultsReceived", new RegistrationResultsReceived(
                RegistrationResultsReceived.eventIdFor(receipt.receiptNo(), part), receipt.businessDate(),
                receipt.fileId(), receipt.receiptNo(), part, partCount, results));
    }

    @Override
    public void settlementResults(PendingReceipt receipt, int part, int partCount, List<SettlementResult> results) {
        publish(Topics.SETTLEMENT_RESULTS, "SettlementResultsReceived", new SettlementResultsReceived(
                SettlementResultsReceived.eventIdFor(receipt.receiptNo(), part), receipt.businessDate(),
                receipt.fileId(), receipt.receiptNo(), part, partCount, results));
    }

    @Override
    public void fileFailed(PendingReceipt receipt, String kisMessage) {
        publish(Topics.FILE_FAILED, "FileFailed", new FileFailed(
                FileFailed.eventIdFor(receipt.fileId(), receipt.receiptNo()), receipt.businessDate(), receipt.fileId(),
                receipt.fileType().name(), receipt.receiptNo(), null, kisMessage, null, true, clock.instant()));
    }

    private void publish(String topic, String eventType, SettlementEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.key(), EventJson.write(event));
        record.headers().add(EventHeaders.EVENT_ID, event.eventId().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, eventType.getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.BUSINESS_DATE,
                event.businessDate().toString().getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + event.eventId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("publishing " + event.eventId() + " to " + topic
                    + " was not acknowledged; the receipt stays PENDING and is published again", e);
        }
    }
}
