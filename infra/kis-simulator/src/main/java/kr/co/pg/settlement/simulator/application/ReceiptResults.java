package kr.co.pg.settlement.simulator.application;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a receipt shows: its status by the clock, and once DONE its result file (the corrupted one first if so set). */
record ReceiptResults(StateStore store, Clock clock, long processingDelayMillis) {

    private static final Logger log = LoggerFactory.getLogger(ReceiptResults.class);

    Receipt.Status status(Receipt receipt) {
        return receipt.status(clock.millis(), processingDelayMillis);
    }

    /** The file to serve and its hash, or empty while the receipt is not DONE. */
    Optional<ResultFile> result(Receipt receipt) {
        if (status(receipt) != Receipt.Status.DONE) {
            return Optional.empty();
        }
        Outcome o = receipt.outcome();
        ReceiptInfo info = receipt.info();
        if (o.corruptedDownloads() > 0 && receipt.corruptedServed().getAndIncrement() < o.corruptedDownloads()) {
            store.journalCorruptedDownload(info.receiptNo());
            log.warn("serving the corrupted result of receipt {} (fault corrupted-result-share)", info.receiptNo());
            return Optional.of(new ResultFile(store.corruptedResultFile(info.receiptNo(), info.resultFileType()),
                    o.resultSize(), o.corruptedSha256()));
        }
        return Optional.of(new ResultFile(store.resultFile(info.receiptNo(), info.resultFileType()), o.resultSize(),
                o.resultSha256()));
    }
}
