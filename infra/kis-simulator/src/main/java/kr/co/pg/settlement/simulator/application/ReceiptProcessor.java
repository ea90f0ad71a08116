package kr.co.pg.settlement.simulator.application;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import kr.co.pg.settlement.kis.protocol.FileHeader;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kis.protocol.KisFileReader;
import kr.co.pg.settlement.kis.protocol.KisFileWriter;
import kr.co.pg.settlement.kis.protocol.R1Record;
import kr.co.pg.settlement.kis.protocol.R2Record;
import kr.co.pg.settlement.kis.protocol.ReadResult;
import kr.co.pg.settlement.kis.protocol.S1Record;
import kr.co.pg.settlement.kis.protocol.S2Record;
import kr.co.pg.settlement.simulator.domain.FaultSettings;
import kr.co.pg.settlement.simulator.domain.KisLedger;
import kr.co.pg.settlement.simulator.domain.LedgerJournal;
import kr.co.pg.settlement.simulator.domain.RegistrationRules;
import kr.co.pg.settlement.simulator.domain.SettlementRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background processing of accepted receipts on a small pool. Reading, validating and writing run in parallel with
 * other files; only the ledger decisions (E201-E203, registrations) take the ledger turn, and the outcome is journaled
 * in the commit turn, both in acceptance order, so results are those of processing the files one after the other.
 */
final class ReceiptProcessor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReceiptProcessor.class);
    /** Records handed to the ledger at once; a bigger file keeps the ledger turn from its first chunk to its end. */
    private static final int CHUNK_RECORDS = 10_000;

    private final StateStore store;
    private final KisLedger ledger;
    private final RegistrationRules registration;
    private final SettlementRules settlement;
    private final Clock clock;
    private final long processingDelayMillis;
    private final ExecutorService pool;
    private final TicketTurn ledgerTurn = new TicketTurn();
    private final TicketTurn commitTurn = new TicketTurn();
    /** Ticket of the next receipt handed to the pool, in acceptance order. */
    private long nextTicket;

    ReceiptProcessor(StateStore store, KisLedger ledger, RegistrationRules registration, SettlementRules settlement,
                     Clock clock, long processingDelayMillis, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("kis.simulator.processing-threads must be at least 1, got " + threads);
        }
        this.store = store;
        this.ledger = ledger;
        this.registration = registration;
        this.settlement = settlement;
        this.clock = clock;
        this.processingDelayMillis = processingDelayMillis;
        AtomicInteger threadNo = new AtomicInteger();
        // a plain FIFO queue: tasks start in acceptance order, which the ticket turns rely on
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "kis-simulator-processor-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues the receipt with the next ticket; callers submit in acceptance order. */
    synchronized void submit(Receipt receipt) {
        long ticket = nextTicket++;
        pool.execute(() -> process(receipt, ticket));
    }

    private void process(Receipt receipt, long ticket) {
        ReceiptInfo info = receipt.info();
        FaultSettings f = receipt.faults();
        long started = System.nanoTime();
        long dueAt = info.acceptedAtMillis() + processingDelayMillis
                + (f.chosen(f.delayedResultShare(), "delayed:" + info.idempotencyKey()) ? f.resultDelay().toMillis() : 0);
        LedgerTurn turn = new LedgerTurn(ticket, info.receiptNo());
        Outcome outcome;
        try {
            awaitProcessingStart(info);
            try {
                if (f.chosen(f.failedShare(), "failed:" + info.idempotencyKey())) {
                    outcome = Outcome.failed("SIMULATED PROCESSING FAILURE: SEND THE RECORDS AGAIN IN A NEW FILE", dueAt);
                } else {
                    outcome = produceResult(receipt, dueAt, turn);
                }
            } catch (RuntimeException | IOException e) {
                if (e instanceof TurnInterrupted) {
                    throw (TurnInterrupted) e;
                }
                log.error("KIS simulator could not process receipt {} ({} {}/{}): {}", info.receiptNo(), info.fileType(),
                        info.fileDate(), info.fileSeq(), e.toString(), e);
                outcome = Outcome.failed("KIS COULD NOT PROCESS THE FILE: " + e.getMessage(), dueAt);
            } finally {
                turn.release();
            }
            commitTurn.await(ticket);
            try {
                store.journalOutcome(info.receiptNo(), outcome);
                receipt.complete(outcome);
            } finally {
                commitTurn.pass(ticket);
            }
        } catch (InterruptedException | TurnInterrupted e) {
            // shutting down: the receipt has no outcome in the journal and is processed again on start
            log.warn("KIS simulator stopped before receipt {} was processed; it is processed again on the next start",
                    info.receiptNo());
            Thread.currentThread().interrupt();
            return;
        }
        log.info("processed receipt {} ({} records) in {} ms: {}", info.receiptNo(), info.recordCount(),
                (System.nanoTime() - started) / 1_000_000, outcome.failed() ? "FAILED " + outcome.message() : "result " + outcome.resultSize() + " bytes");
    }

    /**
     * KIS starts on a file when it shows PROCESSING (half the processing delay after acceptance, see
     * {@code Receipt.status}); files accepted until then are known to it. Receipts are queued in acceptance order,
     * so this wait holds back at most the files behind one not yet due.
     */
    private void awaitProcessingStart(ReceiptInfo info) throws InterruptedException {
        long wait = info.acceptedAtMillis() + processingDelayMillis / 2 - clock.millis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    private Outcome produceResult(Receipt receipt, long dueAt, LedgerTurn turn) throws IOException {
        ReceiptInfo info = receipt.info();
        FaultSettings f = receipt.faults();
        Path request = store.requestFile(info.receiptNo(), info.fileType());
        Path result = store.resultFile(info.receiptNo(), info.resultFileType());
        Path tmp = result.resolveSibling(result.getFileName() + ".tmp");
        FileHeader header = new FileHeader(info.resultFileType(), info.pgCompanyCode(), info.fileDate(), info.fileSeq(),
                LocalDateTime.now(clock).withNano(0), info.receiptNo());
        MessageDigest digest = ResultFiles.sha256();
        ReadResult<?> read;
        try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16), digest)) {
            if (info.fileType() == FileType.R1) {
                try (KisFileWriter<R2Record> writer = KisFileWriter.r2(out, header)) {
                    read = answerAll(request, FileType.R1, writer, turn, (R1Record r) -> registration.answer(r, info.fileDate()));
                    writer.finish();
                }
            } else {
                boolean reduce = f.reducedDifferenceShare() > 0;
                try (KisFileWriter<S2Record> writer = KisFileWriter.s2(out, header)) {
                    read = answerAll(request, FileType.S1, writer, turn, (S1Record r) -> settlement.answer(r, info.fileDate(),
                            tx -> reduce && f.chosen(f.reducedDifferenceShare(), "reduce:" + tx)));
                    writer.finish();
                }
            }
        }
        if (!read.valid()) {
            throw new IllegalStateException("stored request file " + request + " no longer validates: " + read.errors().get(0));
        }
        store.forceLedger();
        Files.move(tmp, result, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        String sha = HexFormat.of().formatHex(digest.digest());
        long size = Files.size(result);
        int corruptedDownloads = 0;
        String corruptedSha = null;
        if (f.corruptedDownloads() > 0 && f.chosen(f.corruptedResultShare(), "corrupt:" + info.idempotencyKey())) {
            corruptedDownloads = f.corruptedDownloads();
            corruptedSha = ResultFiles.writeCorruptedCopy(result,
                    store.corruptedResultFile(info.receiptNo(), info.resultFileType()), info.resultFileType().recordLength());
        }
        return new Outcome(false, null, Math.max(dueAt, clock.millis()), sha, size, corruptedDownloads, corruptedSha);
    }

    /**
     * Reads the request (one validation pass, one record pass), buffering up to {@link #CHUNK_RECORDS} records; the
     * rule runs on them in the ledger turn, and the answers of the last chunk are written after the turn is passed on.
     */
    private static <I, O> ReadResult<I> answerAll(Path request, FileType type, KisFileWriter<O> writer, LedgerTurn turn,
                                                  Function<I, O> rule) {
        List<I> pending = new ArrayList<>(Math.min(CHUNK_RECORDS, 1024));
        List<O> answers = new ArrayList<>(Math.min(CHUNK_RECORDS, 1024));
        ReadResult<I> read = KisFileReader.read(request, type, (I record) -> {
            pending.add(record);
            if (pending.size() >= CHUNK_RECORDS) {
                answer(pending, answers, turn, rule);
                answers.forEach(writer::write);
                answers.clear();
            }
        });
        if (read.valid()) {
            answer(pending, answers, turn, rule);
        }
        turn.release();
        answers.forEach(writer::write);
        return read;
    }

    private static <I, O> void answer(List<I> pending, List<O> answers, LedgerTurn turn, Function<I, O> rule) {
        turn.take();
        for (I record : pending) {
            answers.add(rule.apply(record));
        }
        pending.clear();
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
    }

    /** The ledger turn of one receipt: taken at its first ledger decision, released once (taken first if need be). */
    private final class LedgerTurn {
        private final long ticket;
        private final String receiptNo;
        private boolean held;
        private boolean released;

        LedgerTurn(long ticket, String receiptNo) {
            this.ticket = ticket;
            this.receiptNo = receiptNo;
        }

        void take() {
            if (!held) {
                try {
                    ledgerTurn.await(ticket);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TurnInterrupted();
                }
                held = true;
                ledger.journalTo(store.ledgerJournal(receiptNo));
            }
        }

        /** Flushes this receipt's ledger lines and lets the next receipt decide. */
        void release() {
            if (released) {
                return;
            }
            take();
            released = true;
            try {
                ledger.journalTo(LedgerJournal.NONE);
                store.flushLedger();
            } finally {
                ledgerTurn.pass(ticket);
            }
        }
    }

    private static final class TurnInterrupted extends RuntimeException {
        TurnInterrupted() {
            super("interrupted while waiting for the ledger turn", null, false, false);
        }
    }
}
