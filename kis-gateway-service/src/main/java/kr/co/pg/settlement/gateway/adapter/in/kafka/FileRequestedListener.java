package kr.co.pg.settlement.gateway.adapter.in.kafka;

import java.util.List;
import java.util.function.Consumer;
import kr.co.pg.settlement.events.ConsumerGroups;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.events.RegistrationFileRequested;
import kr.co.pg.settlement.events.SettlementFileRequested;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.gateway.application.SubmitFileService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Batch listeners of the two file-requested topics. Events are handled one after another (a file is tens of MB);
 * the batch offset is committed only when every event got KIS's final answer published. A failing event is
 * reported with its index, so the error handler commits the events before it and retries (or dead-letters) it.
 */
@Component
class FileRequestedListener {

    private static final Logger log = LoggerFactory.getLogger(FileRequestedListener.class);

    private final SubmitFileService service;

    FileRequestedListener(SubmitFileService service) {
        this.service = service;
    }

    @KafkaListener(id = "gateway-settlement-files", groupId = ConsumerGroups.GATEWAY,
            topics = Topics.SETTLEMENT_FILE_REQUESTED, batch = "true",
            concurrency = "${settlement.gateway.concurrency:3}")
    void onSettlementFiles(List<ConsumerRecord<String, byte[]>> records) {
        handle(records, record -> service.submitSettlementFile(
                EventJson.read(record.value(), SettlementFileRequested.class)));
    }

    @KafkaListener(id = "gateway-registration-files", groupId = ConsumerGroups.GATEWAY,
            topics = Topics.REGISTRATION_FILE_REQUESTED, batch = "true",
            concurrency = "${settlement.gateway.concurrency:3}")
    void onRegistrationFiles(List<ConsumerRecord<String, byte[]>> records) {
        handle(records, record -> service.submitRegistrationFile(
                EventJson.read(record.value(), RegistrationFileRequested.class)));
    }

    private static void handle(List<ConsumerRecord<String, byte[]>> records,
                               Consumer<ConsumerRecord<String, byte[]>> handler) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            try {
                handler.accept(record);
            } catch (RuntimeException e) {
                log.warn("file event {} ({}-{}@{}) not done: {}", record.key(), record.topic(), record.partition(),
                        record.offset(), e.getMessage());
                throw new BatchListenerFailedException("file event " + record.key() + " failed: " + e.getMessage(),
                        e, i);
            }
        }
    }
}
