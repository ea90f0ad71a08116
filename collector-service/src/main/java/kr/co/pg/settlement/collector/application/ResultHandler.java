package kr.co.pg.settlement.collector.application;

import java.time.LocalDate;
import java.util.List;
import kr.co.pg.settlement.events.RegistrationResultsReceived;
import kr.co.pg.settlement.events.SettlementResultsReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Applies validated R2/S2 records, one event (part) per transaction together with its processed_event row. */
@Service
public record ResultHandler(ProcessedEvents processed, KisFiles files, RegistrationStore registrations,
                            SettlementStore settlements, ChunkTransactions tx, EarlyFileEvents early) {

    static final String REGISTRATION_CONSUMER = "collector.registration-results";
    static final String SETTLEMENT_CONSUMER = "collector.settlement-results";
    private static final Logger log = LoggerFactory.getLogger(ResultHandler.class);

    public void onRegistrationResults(RegistrationResultsReceived e) {
        apply(REGISTRATION_CONSUMER, "R2", "sub-merchants", new Part(e.eventId(), e.fileId(), e.businessDate(),
                e.receiptNo(), e.part(), e.partCount()), e.results(), registrations);
    }

    public void onSettlementResults(SettlementResultsReceived e) {
        apply(SETTLEMENT_CONSUMER, "S2", "transactions", new Part(e.eventId(), e.fileId(), e.businessDate(),
                e.receiptNo(), e.part(), e.partCount()), e.results(), settlements);
    }

    private record Part(String eventId, String fileId, LocalDate businessDate, String receiptNo, int part,
                        int partCount) {
    }

    private <S> void apply(String consumer, String kind, String rows, Part part, List<S> results,
                           RequestRows<?, S> store) {
        tx.inTransaction(() -> {
            if (!processed.markProcessed(consumer, part.eventId())) {
                return null;
            }
            early.requireFileUnlessNoRun(kind + " results", part.fileId(), part.businessDate());
            if (unknownFile(kind, part.fileId(), part.receiptNo(), results.size())) {
                return null;
            }
            // the file row first, as FileSubmitted locks it: the same order, no deadlock between the two
            files.markResultReceived(part.fileId(), part.receiptNo());
            int changed = store.applyResults(part.fileId(), results);
            log.info("{} {} part {}/{} for file {}: {} of {} {} updated", kind, part.receiptNo(), part.part(),
                    part.partCount(), part.fileId(), changed, results.size(), rows);
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
}
