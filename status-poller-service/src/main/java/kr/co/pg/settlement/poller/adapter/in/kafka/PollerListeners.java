package kr.co.pg.settlement.poller.adapter.in.kafka;

import java.util.ArrayList;
import java.util.List;
import kr.co.pg.settlement.events.ConsumerGroups;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.events.FileSubmitted;
import kr.co.pg.settlement.events.InvalidEventException;
import kr.co.pg.settlement.events.KickoffParser;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.poller.application.KickoffService;
import kr.co.pg.settlement.poller.application.RecordSubmittedFilesService;
import kr.co.pg.settlement.poller.domain.PendingReceipt;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * FileSubmitted -> pending receipts (one batch insert); RESULT kick-offs -> an immediate poll. A record that fails
 * is reported by index: the records before it are committed, an invalid one goes to the poller's dead-letter topic.
 */
@Component
class PollerListeners {

    private final RecordSubmittedFilesService submitted;
    private final KickoffService kickoffs;

    PollerListeners(RecordSubmittedFilesService submitted, KickoffService kickoffs) {
        this.submitted = submitted;
        this.kickoffs = kickoffs;
    }

    @KafkaListener(id = "poller-file-submitted", groupId = ConsumerGroups.POLLER, topics = Topics.FILE_SUBMITTED,
            batch = "true", concurrency = "${settlement.poller.listener-concurrency:2}")
    void onFileSubmitted(List<ConsumerRecord<String, byte[]>> records) {
        List<PendingReceipt> receipts = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            try {
                receipts.add(RecordSubmittedFilesService.toPendingReceipt(
                        EventJson.read(records.get(i).value(), FileSubmitted.class)));
            } catch (InvalidEventException e) {
                submitted.record(receipts);
                throw new BatchListenerFailedException(e.getMessage(), e, i);
            }
        }
        submitted.record(receipts);
    }

    @KafkaListener(id = "poller-kickoff", groupId = ConsumerGroups.POLLER, topics = Topics.KICKOFF, batch = "true")
    void onKickoff(List<ConsumerRecord<String, byte[]>> records) {
        for (int i = 0; i < records.size(); i++) {
            try {
                kickoffs.handle(KickoffParser.parse(records.get(i).value()));
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("kick-off at " + records.get(i).topic() + "-"
                        + records.get(i).partition() + "@" + records.get(i).offset() + ": " + e.getMessage(), e, i);
            }
        }
    }
}
