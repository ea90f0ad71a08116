package kr.co.pg.settlement.collector.application;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import kr.co.pg.settlement.events.SettlementSliceRequested;
import kr.co.pg.settlement.events.SettlementSliceRequested.Cursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Collects one slice of a DIFF_SETTLEMENT_REQUEST run (page transactions of their own), then records it DONE with
 * its processed_event row; the instance that finishes the last slice finishes the run. A slice redelivered after a
 * crash is collected again and finds only what is left.
 */
@Service
public record SliceCollection(CollectionSlices slices, SettlementCollector collector, ProcessedEvents processed,
                              JobRuns jobRuns, ChunkTransactions tx, Clock clock) {

    static final String CONSUMER = "collector.settlement-slices";
    private static final Logger log = LoggerFactory.getLogger(SliceCollection.class);

    public void onSlice(SettlementSliceRequested event) {
        if (slices.isDone(event.kickoffId(), event.slice())) {
            log.info("slice {}/{} of kick-off {} already done: ignored", event.slice(), event.sliceCount(),
                    event.kickoffId());
            return;
        }
        if (jobRuns.status(event.kickoffId()).isEmpty()) {
            // a slice of a run this database has not started (restored from before it): the kick-off decides first
            throw new DecisionsNotCaughtUpException("slice " + event.slice() + "/" + event.sliceCount() + " of kick-off "
                    + event.kickoffId() + ", which this database has not run yet: retried until its kick-off is handled");
        }
        JobCounts counts = collector.collect(event.kickoffId(), event.businessDate(), cursor(event.after(), true),
                cursor(event.upTo(), false), new SettlementCollector.FilePlan(event.firstFileSeq(), event.pages(),
                        event.filesCreatedAt() != null ? event.filesCreatedAt()
                                : LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)));
        tx.inTransaction(() -> {
            slices.lockRun(event.kickoffId());
            if (!processed.markProcessed(CONSUMER, event.eventId())) {
                return null;
            }
            if (!slices.markDone(event.kickoffId(), event.slice(), CollectionSlices.bounds(event.after(), event.upTo()),
                    counts)) {
                log.info("slice {}/{} of kick-off {} is not a slice of the run's current split (an earlier split"
                        + " replayed): its rows are collected, the run's slices are finished by their own events",
                        event.slice(), event.sliceCount(), event.kickoffId());
                return null;
            }
            slices.totalIfAllDone(event.kickoffId()).ifPresent(total -> {
                jobRuns.finish(event.kickoffId(), total);
                log.info("kick-off {} DIFF_SETTLEMENT_REQUEST {} done ({} slices): {}", event.kickoffId(),
                        event.businessDate(), event.sliceCount(), total);
            });
            return null;
        });
    }

    private static SettlementStore.CandidateCursor cursor(Cursor c, boolean start) {
        if (c == null) {
            return start ? SettlementStore.CandidateCursor.START : null;
        }
        return new SettlementStore.CandidateCursor(c.approvedAt(), c.transactionId());
    }
}
