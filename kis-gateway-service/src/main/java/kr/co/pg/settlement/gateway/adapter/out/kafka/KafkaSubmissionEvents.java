package kr.co.pg.settlement.gateway.adapter.out.kafka;

import java.time.Clock;
import java.time.Duration;
import kr.co.pg.settlement.events.FileFailed;
import kr.co.pg.settlement.events.FileSubmitted;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.gateway.application.SubmissionEventsPort;
import kr.co.pg.settlement.gateway.domain.FileToSubmit;
import kr.co.pg.settlement.gateway.domain.UploadOutcome;
import kr.co.pg.settlement.kit.kafka.EventPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes FileSubmitted / FileFailed and waits for the broker's acknowledgement. */
@Component
class KafkaSubmissionEvents implements SubmissionEventsPort {

    private final EventPublisher events;
    private final Clock clock;

    KafkaSubmissionEvents(KafkaTemplate<String, byte[]> kafka, Clock clock,
                          @Value("${settlement.gateway.send-timeout:30s}") Duration sendTimeout) {
        this.events = new EventPublisher(kafka, sendTimeout, "the request event is delivered again");
        this.clock = clock;
    }

    @Override
    public void submitted(FileToSubmit file, UploadOutcome.Accepted accepted) {
        events.publish(Topics.FILE_SUBMITTED, "FileSubmitted", new FileSubmitted(
                FileSubmitted.eventIdFor(file.fileId()), file.businessDate(), file.fileId(), file.fileType().name(),
                file.fileDate(), file.fileSeq(), accepted.receiptNo(), file.recordCount(), clock.instant()));
    }

    @Override
    public void refused(FileToSubmit file, UploadOutcome.Refused refused) {
        events.publish(Topics.FILE_FAILED, "FileFailed", new FileFailed(FileFailed.eventIdFor(file.fileId(), null),
                file.businessDate(), file.fileId(), file.fileType().name(), null, refused.code(), refused.message(),
                refused.line(), false, clock.instant()));
    }
}
