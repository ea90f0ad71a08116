package kr.co.pg.settlement.collector.application;

import java.util.List;
import kr.co.pg.settlement.events.FileFailed;
import kr.co.pg.settlement.events.FileSubmitted;
import kr.co.pg.settlement.events.RegistrationFileRequested;
import kr.co.pg.settlement.events.RegistrationFileRequested.Registration;
import kr.co.pg.settlement.events.SettlementFileRequested;
import kr.co.pg.settlement.events.SettlementFileRequested.Transaction;
import kr.co.pg.settlement.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Applies FileSubmitted and FileFailed, each in one transaction with its processed_event row. */
@Service
public class FileEventHandler {

    static final String SUBMITTED_CONSUMER = "collector.file-submitted";
    static final String FAILED_CONSUMER = "collector.file-failed";
    private static final Logger log = LoggerFactory.getLogger(FileEventHandler.class);

    private final ProcessedEvents processed;
    private final KisFiles files;
    private final RegistrationStore registrations;
    private final SettlementStore settlements;
    private final Outbox outbox;
    private final ChunkTransactions tx;
    private final EarlyFileEvents early;

    FileEventHandler(ProcessedEvents processed, KisFiles files, RegistrationStore registrations,
                     SettlementStore settlements, Outbox outbox, ChunkTransactions tx, EarlyFileEvents early) {
        this.processed = processed;
        this.files = files;
        this.registrations = registrations;
        this.settlements = settlements;
        this.outbox = outbox;
        this.tx = tx;
        this.early = early;
    }

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
            if ("R1".equals(event.fileType()) || event.fileId().startsWith("R1-")) {
                registrations.markSent(event.fileId());
            } else {
                settlements.markSent(event.fileId());
            }
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
            } else if (files.markFailed(file.fileId(), "REFUSED", event.kisCode(), event.message(), event.line(), null)) {
                log.error("KIS REFUSED file {} ({}): {} {} line {}. Its rows stay REQUESTED/COLLECTED and are listed as "
                                + "refused in the day report; fix the cause (see line/field) and re-collect them.",
                        file.fileId(), file.fileType(), event.kisCode(), event.message(), event.line());
            }
            return null;
        });
    }

    private void resend(KisFiles.KisFile file, FileFailed event) {
        if ("FAILED".equals(file.status()) || "REFUSED".equals(file.status())) {
            return;
        }
        if ("R1".equals(file.fileType())) {
            List<Registration> records = registrations.openRecords(file.fileId());
            if (records.isEmpty()) {
                files.markFailed(file.fileId(), "FAILED", event.kisCode(), event.message(), event.line(), null);
                return;
            }
            KisFiles.KisFile next = files.create("R1", file.businessDate(), file.kickoffId(), records.size());
            registrations.moveToFile(file.fileId(), next.fileId(), records);
            files.markFailed(file.fileId(), "FAILED", event.kisCode(), event.message(), event.line(), next.fileId());
            outbox.append(Topics.REGISTRATION_FILE_REQUESTED, new RegistrationFileRequested(FileEvents.requestedEventId(next.fileId()),
                    next.businessDate(), next.fileId(), next.fileDate(), next.fileSeq(), next.createdAt(), records, next.kickoffId()));
            log.warn("KIS FAILED file {} (receipt {}): {}; its {} records are sent again in file {}", file.fileId(),
                    event.receiptNo(), event.message(), records.size(), next.fileId());
        } else {
            List<Transaction> records = settlements.openRecords(file.fileId());
            if (records.isEmpty()) {
                files.markFailed(file.fileId(), "FAILED", event.kisCode(), event.message(), event.line(), null);
                return;
            }
            KisFiles.KisFile next = files.create("S1", file.businessDate(), file.kickoffId(), records.size());
            settlements.moveToFile(file.fileId(), next.fileId(), records);
            files.markFailed(file.fileId(), "FAILED", event.kisCode(), event.message(), event.line(), next.fileId());
            outbox.append(Topics.SETTLEMENT_FILE_REQUESTED, new SettlementFileRequested(FileEvents.requestedEventId(next.fileId()),
                    next.businessDate(), next.fileId(), next.fileDate(), next.fileSeq(), next.createdAt(), records, next.kickoffId()));
            log.warn("KIS FAILED file {} (receipt {}): {}; its {} records are sent again in file {}", file.fileId(),
                    event.receiptNo(), event.message(), records.size(), next.fileId());
        }
    }
}
