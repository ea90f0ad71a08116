package kr.co.pg.settlement.collector.application;

import kr.co.pg.settlement.events.RegistrationResultsReceived;
import kr.co.pg.settlement.events.SettlementResultsReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Applies validated R2/S2 records, one event (part) per transaction together with its processed_event row. */
@Service
public class ResultHandler {

    static final String REGISTRATION_CONSUMER = "collector.registration-results";
    static final String SETTLEMENT_CONSUMER = "collector.settlement-results";
    private static final Logger log = LoggerFactory.getLogger(ResultHandler.class);

    private final ProcessedEvents processed;
    private final KisFiles files;
    private final RegistrationStore registrations;
    private final SettlementStore settlements;
    private final ChunkTransactions tx;
    private final EarlyFileEvents early;

    ResultHandler(ProcessedEvents processed, KisFiles files, RegistrationStore registrations,
                  SettlementStore settlements, ChunkTransactions tx, EarlyFileEvents early) {
        this.processed = processed;
        this.files = files;
        this.registrations = registrations;
        this.settlements = settlements;
        this.tx = tx;
        this.early = early;
    }


    public void onRegistrationResults(RegistrationResultsReceived event) {
        tx.inTransaction(() -> {
            if (!processed.markProcessed(REGISTRATION_CONSUMER, event.eventId())) {
                return null;
            }
            early.requireFileUnlessNoRun("R2 results", event.fileId(), event.businessDate());
            if (unknownFile("R2", event.fileId(), event.receiptNo(), event.results().size())) {
                return null;
            }
            // the file row first, as FileSubmitted locks it: the same order, no deadlock between the two
            files.markResultReceived(event.fileId(), event.receiptNo());
            int changed = registrations.applyResults(event.fileId(), event.results());
            log.info("R2 {} part {}/{} for file {}: {} of {} sub-merchants updated", event.receiptNo(), event.part(),
                    event.partCount(), event.fileId(), changed, event.results().size());
            return null;
        });
    }

    /** Results for a file this collector never created are consumed, applied to nothing and logged. */
    private boolean unknownFile(String kind, String fileId, String receiptNo, int records) {
        if (files.find(fileId).isPresent()) {
            return false;
        }
        log.error("{} results for UNKNOWN file {} (receipt {}): not a file of this collector, {} records applied to"
                + " nothing. Check that the poller and this collector use the same environment's topics and"
                + " database.", kind, fileId, receiptNo, records);
        return true;
    }

    public void onSettlementResults(SettlementResultsReceived event) {
        tx.inTransaction(() -> {
            if (!processed.markProcessed(SETTLEMENT_CONSUMER, event.eventId())) {
                return null;
            }
            early.requireFileUnlessNoRun("S2 results", event.fileId(), event.businessDate());
            if (unknownFile("S2", event.fileId(), event.receiptNo(), event.results().size())) {
                return null;
            }
            // the file row first, as FileSubmitted locks it: the same order, no deadlock between the two
            files.markResultReceived(event.fileId(), event.receiptNo());
            int changed = settlements.applyResults(event.fileId(), event.results());
            log.info("S2 {} part {}/{} for file {}: {} of {} transactions updated", event.receiptNo(), event.part(),
                    event.partCount(), event.fileId(), changed, event.results().size());
            return null;
        });
    }
}
