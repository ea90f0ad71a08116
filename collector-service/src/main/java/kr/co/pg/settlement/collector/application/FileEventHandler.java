package kr.co.pg.settlement.collector.application;

import java.util.List;
import java.util.function.BiFunction;
import kr.co.pg.settlement.events.FileFailed;
import kr.co.pg.settlement.events.FileSubmitted;
import kr.co.pg.settlement.events.SettlementEvent;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.kis.protocol.FileType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Applies FileSubmitted and FileFailed, each in one transaction with its processed_event row. */
@Service
public record FileEventHandler(ProcessedEvents processed, KisFiles files, RegistrationStore registrations,
                               SettlementStore settlements, Outbox outbox, ChunkTransactions tx,
                               EarlyFileEvents early) {

    static final String SUBMITTED_CONSUMER = "collector.file-submitted";
    static final String FAILED_CONSUMER = "collector.file-failed";
    private static final Logger log = LoggerFactory.getLogger(FileEventHandler.class);

    public void onSubmitted(FileSubmitted event) {
        tx.inTransaction(() -> {
            if (!processed.markProcessed(SUBMITTED_CONSUMER, event.eventId())) {
                return null;
            }
            if (!files.markSubmitted(event.fileId(), event.receiptNo())) {
                early.requireFileUnlessNoRun("FileSubmitted", event.fileId(), event.businessDate());
                log.info("file {} submitted (receipt {}) but not in CREATED: nothing to change", event.fileId(),
                        event.receiptNo());
                return null;
            }
            boolean registration = FileType.R1.name().equals(event.fileType())
                    || event.fileId().startsWith(FileType.R1 + "-");
            (registration ? registrations : settlements).markSent(event.fileId());
            return null;
        });
    }

    public void onFailed(FileFailed event) {
        tx.inTransaction(() -> {
            if (!processed.markProcessed(FAILED_CONSUMER, event.eventId())) {
                return null;
            }
            KisFiles.KisFile file = files.find(event.fileId()).orElse(null);
            if (file == null) {
                log.error("FileFailed for unknown file {} (receipt {}): not a file of this collector; check the producer",
                        event.fileId(), event.receiptNo());
                return null;
            }
            if (event.resendable()) {
                resend(file, event);
            } else if (files.markRefused(file.fileId(), event.kisCode(), event.message(), event.line())) {
                log.error("KIS REFUSED file {} ({}): {} {} line {}. Its rows stay REQUESTED/COLLECTED and are listed as "
                                + "refused in the day report; fix the cause (see line/field) and re-collect them.",
                        file.fileId(), file.fileType(), event.kisCode(), event.message(), event.line());
            }
            return null;
        });
    }

    private void resend(KisFiles.KisFile file, FileFailed event) {
        if (file.status().ended()) {
            return;
        }
        if (file.fileType() == FileType.R1) {
            resend(file, event, registrations, Topics.REGISTRATION_FILE_REQUESTED, FileEvents::registrationRequested);
        } else {
            resend(file, event, settlements, Topics.SETTLEMENT_FILE_REQUESTED, FileEvents::settlementRequested);
        }
    }

    /** The file's open rows go into a new file of the same type and kick-off; the file is FAILED. */
    private <R> void resend(KisFiles.KisFile file, FileFailed event, RequestRows<R, ?> rows, String topic,
                            BiFunction<KisFiles.KisFile, List<R>, SettlementEvent> requested) {
        List<R> records = rows.openRecords(file.fileId());
        if (records.isEmpty()) {
            files.markFailed(file.fileId(), event.kisCode(), event.message(), event.line(), null);
            return;
        }
        KisFiles.KisFile next = files.create(file.fileType(), file.businessDate(), file.kickoffId(), records.size());
        rows.moveToFile(file.fileId(), next.fileId(), records);
        files.markFailed(file.fileId(), event.kisCode(), event.message(), event.line(), next.fileId());
        outbox.append(topic, requested.apply(next, records));
        log.warn("KIS FAILED file {} (receipt {}): {}; its {} records are sent again in file {}", file.fileId(),
                event.receiptNo(), event.message(), records.size(), next.fileId());
    }
}
