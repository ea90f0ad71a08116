package kr.co.pg.settlement.gateway.adapter.out.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kr.co.pg.settlement.events.EventHeaders;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.events.FileFailed;
import kr.co.pg.settlement.events.FileSubmitted;
import kr.co.pg.settlement.events.SettlementEvent;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.gateway.application.SubmissionEventsPort;
import kr.co.pg.settlement.gateway.domain.FileToSubmit;
import kr.co.pg.settlement.gateway.domain.UploadOutcome;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes FileSubmitted / FileFailed and waits for the broker's acknowledgement. */
@Component
class KafkaSubmissionEvents implements SubmissionEventsPort {

    private final KafkaTemplate<String, byte[]> kafka;
    private final Clock clock;
    private final Duration sendTimeout;

    KafkaSubmissionEvents(KafkaTemplate<String, byte[]> kafka, Clock clock,
                          @Value("${settlement.gateway.send-timeout:30s}") Duration sendTimeout) {
        this.kafka = kafka;
        this.clock = clock;
        this.sendTimeout = sendTimeout;
    }

    @Override
    public void submitted(FileToSubmit file, UploadOutcome.Accepted accepted) {
        publish(Topics.FILE_SUBMITTED, "FileSubmitted", new FileSubmitted(FileSubmitted.eventIdFor(file.fileId()),
                file.businessDate(), file.fileId(), file.fileType().name(), file.fileDate(), file.fileSeq(),
                accepted.receiptNo(), file.recordCount(), clock.instant()));
    }

    @Override
    public void refused(FileToSubmit file, UploadOutcome.Refused refused) {
        publish(Topics.FILE_FAILED, "FileFailed", new FileFailed(FileFailed.eventIdFor(file.fileId(), null),
                file.businessDate(), file.fileId(), file.fileType().name(), null, refused.code(), refused.message(),
                refused.line(), false, clock.instant()));
    }

    private void publish(String topic, String eventType, SettlementEvent event) {
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
                    + " was not acknowledged; the request event is delivered again", e);
        }
    }
}
