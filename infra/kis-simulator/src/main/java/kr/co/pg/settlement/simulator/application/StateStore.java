package kr.co.pg.settlement.simulator.application;

import java.io.IOException;
import java.nio.file.Path;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.simulator.domain.KisLedger;
import kr.co.pg.settlement.simulator.domain.LedgerJournal;

/** Port: where the simulator keeps its files and its append-only journals, so that state survives a restart. */
public interface StateStore {

    /** A fresh file to stream an upload into. */
    Path newIncomingFile() throws IOException;

    Path requestFile(String receiptNo, FileType type);

    Path resultFile(String receiptNo, FileType type);

    Path corruptedResultFile(String receiptNo, FileType type);

    /** Moves an accepted upload to its request file (atomically where the file system can). */
    void keepRequest(Path incoming, Path requestFile) throws IOException;

    void journalAccepted(ReceiptInfo info);

    void journalOutcome(String receiptNo, Outcome outcome);

    void journalCorruptedDownload(String receiptNo);

    /** Ledger changes made while processing this receipt (replayed on start only if the receipt completed). */
    LedgerJournal ledgerJournal(String receiptNo);

    /**
     * Hands the ledger lines journaled so far to the operating system. Call only while no other thread journals
     * (the ledger's lines are written by the holder of the ledger turn).
     */
    void flushLedger();

    /** Makes every ledger line flushed so far durable (fsync); safe from any thread. */
    void forceLedger();

    /** Rebuilds receipts (in acceptance order) and the ledger from the journals. */
    void load(ReceiptLoader receipts, KisLedger ledger);

    interface ReceiptLoader {
        void accepted(ReceiptInfo info);

        void outcome(String receiptNo, Outcome outcome);

        void corruptedDownload(String receiptNo);

        /** Whether ledger lines of this receipt are to be replayed (it completed without failure). */
        boolean completed(String receiptNo);
    }
}
