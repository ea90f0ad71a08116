package kr.co.pg.settlement.poller.adapter.out.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import kr.co.pg.settlement.events.FileFailed;
import kr.co.pg.settlement.events.RegistrationResultsReceived;
import kr.co.pg.settlement.events.RegistrationResultsReceived.RegistrationResult;
import kr.co.pg.settlement.events.SettlementResultsReceived;
import kr.co.pg.settlement.events.SettlementResultsReceived.SettlementResult;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.kit.kafka.EventPublisher;
import kr.co.pg.settlement.poller.application.ResultEventsPort;
import kr.co.pg.settlement.poller.domain.PendingReceipt;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes result parts and FileFailed (key = file id) and waits for the broker's acknowledgement. */
@Component
class KafkaResultEvents implements ResultEventsPort {

    private final EventPublisher events;
    private final Clock clock;

    KafkaResultEvents(KafkaTemplate<String, byte[]> kafka, Clock clock,
                      @Value("${settlement.poller.send-timeout:30s}") Duration sendTimeout) {
        this.events = new EventPublisher(kafka, sendTimeout, "the receipt stays PENDING and is published again");
        this.clock = clock;
    }

    @Override
    public void registrationResults(PendingReceipt receipt, int part, int partCount, List<RegistrationResult> results) {
        events.publish(Topics.REGISTRATION_RESULTS, "RegistrationResultsReceived", new RegistrationResultsReceived(
                RegistrationResultsReceived.eventIdFor(receipt.receiptNo(), part), receipt.businessDate(),
                receipt.fileId(), receipt.receiptNo(), part, partCount, results));
    }

    @Override
    public void settlementResults(PendingReceipt receipt, int part, int partCount, List<SettlementResult> results) {
        events.publish(Topics.SETTLEMENT_RESULTS, "SettlementResultsReceived", new SettlementResultsReceived(
                SettlementResultsReceived.eventIdFor(receipt.receiptNo(), part), receipt.businessDate(),
                receipt.fileId(), receipt.receiptNo(), part, partCount, results));
    }

    @Override
    public void fileFailed(PendingReceipt receipt, String kisMessage) {
        events.publish(Topics.FILE_FAILED, "FileFailed", new FileFailed(
                FileFailed.eventIdFor(receipt.fileId(), receipt.receiptNo()), receipt.businessDate(), receipt.fileId(),
                receipt.fileType().name(), receipt.receiptNo(), null, kisMessage, null, true, clock.instant()));
    }
}
