package kr.co.pg.settlement.simulator.application;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import kr.co.pg.settlement.kis.protocol.FileHeader;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kis.protocol.KisFileReader;
import kr.co.pg.settlement.kis.protocol.KisFileWriter;
import kr.co.pg.settlement.kis.protocol.LayoutError;
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
 * KIS's behaviour behind the HTTP API: intake with Idempotency-Key semantics and layout validation, background
 * processing (a small pool; ledger decisions and outcomes in acceptance order, so registrations are known before
 * later settlement files and results equal those of one-by-one processing), status
 * and result files, all persisted through the {@link StateStore}.
 */
public final class SimulatorService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatorService.class);
    private static final String RECEIPT_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final DateTimeFormatter RECEIPT_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss");

    private final StateStore store;
    private final KisLedger ledger;
    private final RegistrationRules registration;
    private final SettlementRules settlement;
    private final FaultControl faults;
    private final Clock clock;
    private final long processingDelayMillis;
    private final ExecutorService processor;
    private final TicketTurn ledgerTurn = new TicketTurn();
    private final TicketTurn commitTurn = new TicketTurn();
    /** Ticket of the next receipt handed to the processor, in acceptance order (under {@code intakeLock}). */
    private long nextTicket;
    private final SecureRandom random = new SecureRandom();

    private final Map<String, Receipt> byReceiptNo = new ConcurrentHashMap<>();
    private final Map<String, Receipt> byIdempotencyKey = new HashMap<>();
    private final Map<String, Receipt> byFileIdentity = new HashMap<>();
    private final List<Receipt> inOrder = new ArrayList<>();
    private final Object intakeLock = new Object();

    public SimulatorService(StateStore store, KisLedger ledger, RegistrationRules registration,
                            SettlementRules settlement, FaultControl faults, Clock clock, Duration processingDelay,
                            int processingThreads) {
        if (processingThreads < 1) {
            throw new IllegalArgumentException("kis.simulator.processing-threads must be at least 1, got " + processingThreads);
        }
        this.store = store;
        this.ledger = ledger;
        this.registration = registration;
        this.settlement = settlement;
        this.faults = faults;
        this.clock = clock;
        this.processingDelayMillis = processingDelay.toMillis();
        AtomicInteger threadNo = new AtomicInteger();
        // a plain FIFO queue: tasks start in acceptance order, which the ticket turns rely on
        this.processor = Executors.newFixedThreadPool(processingThreads, r -> {
            Thread t = new Thread(r, "kis-simulator-processor-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Under {@code intakeLock}: queues the receipt with the next ticket. */
    private void submit(Receipt receipt) {
        long ticket = nextTicket++;
        processor.execute(() -> process(receipt, ticket));
    }

    /** Reloads receipts and ledger from the state directory and resumes processing of what was not finished. */
    public void start() {
        Map<String, Outcome> outcomes = new HashMap<>();
        Map<String, Integer> corrupted = new HashMap<>();
        List<ReceiptInfo> accepted = new ArrayList<>();
        store.load(new StateStore.ReceiptLoader() {
            @Override
            public void accepted(ReceiptInfo info) {
                accepted.add(info);
            }

            @Override
            public void outcome(String receiptNo, Outcome outcome) {
                outcomes.put(receiptNo, outcome);
            }

            @Override
            public void corruptedDownload(String receiptNo) {
                corrupted.merge(receiptNo, 1, Integer::sum);
            }

            @Override
            public boolean completed(String receiptNo) {
                Outcome o = outcomes.get(receiptNo);
                return o != null && !o.failed();
            }
        }, ledger);
        int resumed = 0;
        synchronized (intakeLock) {
            for (ReceiptInfo info : accepted) {
                Receipt r = register(info, faults.current());
                Outcome o = outcomes.get(info.receiptNo());
                if (o != null) {
                    r.complete(o);
                    r.corruptedServed().set(corrupted.getOrDefault(info.receiptNo(), 0));
                } else {
                    resumed++;
                    rememberReceivedApprovals(info);
                    submit(r);
                }
            }
        }
        log.info("KIS simulator state loaded: {} receipts ({} resumed for processing), {} registrations, {} accepted transactions",
                accepted.size(), resumed, ledger.registrationCount(), ledger.acceptedTransactionCount());
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

    private void rememberReceivedApprovals(ReceiptInfo info) {
        if (info.fileType() != FileType.S1) {
            return;
        }
        KisFileReader.read(store.requestFile(info.receiptNo(), FileType.S1), FileType.S1, (S1Record r) -> {
            if (r.transactionType() == 'A') {
                ledger.approvalReceived(r.approvalDate(), r.approvalNo());
            }
        });
    }

    @Override
    public void close() {
        processor.shutdown();
        try {
            if (!processor.awaitTermination(30, TimeUnit.SECONDS)) {
                processor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            processor.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ intake

    /** A fresh file in the state directory to stream an upload into. */
    public Path newIncomingFile() throws IOException {
        return store.newIncomingFile();
    }

    /**
     * An upload that passed authentication, already on disk at {@code incoming} (moved away or deleted here).
     */
    public IntakeResult intake(FileType type, String idempotencyKey, Path incoming, String contentSha256) {
        try {
            synchronized (intakeLock) {
                Receipt known = byIdempotencyKey.get(idempotencyKey);
                if (known != null) {
                    return repeatOrConflict(known, type, idempotencyKey, contentSha256);
                }
            }
            List<S1Record> approvals = new ArrayList<>();
            ReadResult<?> read = type == FileType.S1
                    ? KisFileReader.read(incoming, type, (S1Record r) -> {
                        if (r.transactionType() == 'A') {
                            approvals.add(r);
                        }
                    })
                    : KisFileReader.validate(incoming, type);
            if (!read.valid()) {
                LayoutError first = read.errors().get(0);
                String more = read.errors().size() > 1 ? " (and " + (read.errors().size() - 1) + " more errors)" : "";
                return new IntakeResult.Refused(first + more, first.line());
            }
            FileHeader h = read.header();
            synchronized (intakeLock) {
                Receipt known = byIdempotencyKey.get(idempotencyKey);
                if (known != null) {
                    return repeatOrConflict(known, type, idempotencyKey, contentSha256);
                }
                String identity = identity(type, h);
                Receipt holder = byFileIdentity.get(identity);
                if (holder != null) {
                    return new IntakeResult.Conflict("file " + type + " of " + h.fileDate() + " sequence " + h.fileSeq()
                            + " was already accepted under Idempotency-Key '" + holder.info().idempotencyKey()
                            + "' (receipt " + holder.info().receiptNo() + "): use a new file sequence");
                }
                String receiptNo = newReceiptNo(type);
                ReceiptInfo info = new ReceiptInfo(receiptNo, idempotencyKey, contentSha256, type, h.fileDate(),
                        h.fileSeq(), read.recordCount(), h.pgCompanyCode(), clock.millis());
                store.keepRequest(incoming, store.requestFile(receiptNo, type));
                store.journalAccepted(info);
                approvals.forEach(a -> ledger.approvalReceived(a.approvalDate(), a.approvalNo()));
                Receipt receipt = register(info, faults.current());
                submit(receipt);
                log.info("accepted {} file {}/{} ({} records) as receipt {} (Idempotency-Key {})", type, h.fileDate(),
                        h.fileSeq(), info.recordCount(), receiptNo, idempotencyKey);
                return new IntakeResult.Accepted(info, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the uploaded file " + incoming + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(incoming);
            } catch (IOException ignored) {
                // a stale incoming file is harmless
            }
        }
    }

    private IntakeResult repeatOrConflict(Receipt known, FileType type, String key, String sha) {
        if (known.info().contentSha256().equals(sha) && known.info().fileType() == type) {
            return new IntakeResult.Accepted(known.info(), true);
        }
        return new IntakeResult.Conflict("Idempotency-Key '" + key + "' was already used for other content (receipt "
                + known.info().receiptNo() + "): a new file needs a new key");
    }

    private Receipt register(ReceiptInfo info, FaultSettings settings) {
        Receipt r = new Receipt(info, settings);
        byReceiptNo.put(info.receiptNo(), r);
        byIdempotencyKey.put(info.idempotencyKey(), r);
        byFileIdentity.putIfAbsent(identity(info.fileType(), info.fileDate(), info.fileSeq()), r);
        inOrder.add(r);
        return r;
    }

    private static String identity(FileType type, FileHeader h) {
        return identity(type, h.fileDate(), h.fileSeq());
    }

    private static String identity(FileType type, java.time.LocalDate date, int seq) {
        return type + "|" + date + "|" + seq;
    }

    /** 20 characters A-Z0-9: file type, yyMMddHHmmss of acceptance, 6 random. Unique among known receipts. */
    private String newReceiptNo(FileType type) {
        String prefix = type.name() + LocalDateTime.now(clock).format(RECEIPT_TIME);
        while (true) {
            StringBuilder sb = new StringBuilder(prefix);
            while (sb.length() < 20) {
                sb.append(RECEIPT_ALPHABET.charAt(random.nextInt(RECEIPT_ALPHABET.length())));
            }
            if (!byReceiptNo.containsKey(sb.toString())) {
                return sb.toString();
            }
        }
    }

    // ------------------------------------------------------------------ processing

    /**
     * One receipt, on a pool thread. Reading, validating and writing run in parallel with other files; only the
     * ledger decisions (E201-E203, registrations) take the ledger turn, and the outcome is journaled in the commit
     * turn, both in acceptance order, so results are those of processing the files one after the other.
     */
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

    /** Records handed to the ledger at once; a bigger file keeps the ledger turn from its first chunk to its end. */
    private static final int CHUNK_RECORDS = 10_000;

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

    private Outcome produceResult(Receipt receipt, long dueAt, LedgerTurn turn) throws IOException {
        ReceiptInfo info = receipt.info();
        FaultSettings f = receipt.faults();
        Path request = store.requestFile(info.receiptNo(), info.fileType());
        Path result = store.resultFile(info.receiptNo(), info.resultFileType());
        Path tmp = result.resolveSibling(result.getFileName() + ".tmp");
        FileHeader header = new FileHeader(info.resultFileType(), info.pgCompanyCode(), info.fileDate(), info.fileSeq(),
                LocalDateTime.now(clock).withNano(0), info.receiptNo());
        MessageDigest digest = sha256();
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
            corruptedSha = writeCorruptedCopy(result, store.corruptedResultFile(info.receiptNo(), info.resultFileType()),
                    info.resultFileType().recordLength());
        }
        return new Outcome(false, null, Math.max(dueAt, clock.millis()), sha, size, corruptedDownloads, corruptedSha);
    }

    /**
     * Reads the request (one validation pass, one record pass), buffering up to {@link #CHUNK_RECORDS} records; the
     * rule runs on them in the ledger turn, and the answers of the last chunk are written after the turn is passed on.
     */
    private <I, O> ReadResult<I> answerAll(Path request, FileType type, KisFileWriter<O> writer, LedgerTurn turn,
                                           java.util.function.Function<I, O> rule) {
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

    private static <I, O> void answer(List<I> pending, List<O> answers, LedgerTurn turn, java.util.function.Function<I, O> rule) {
        turn.take();
        for (I record : pending) {
            answers.add(rule.apply(record));
        }
        pending.clear();
    }

    /** Copy with the trailer's record count one higher (content corrupted, bytes consistent with their hash). */
    private static String writeCorruptedCopy(Path good, Path corrupted, int recordLength) throws IOException {
        Path tmp = corrupted.resolveSibling(corrupted.getFileName() + ".tmp");
        Files.copy(good, tmp, StandardCopyOption.REPLACE_EXISTING);
        long trailerStart = Files.size(tmp) - (recordLength + 2L);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer count = java.nio.ByteBuffer.allocate(7);
            ch.read(count, trailerStart + 1);
            int n = Integer.parseInt(new String(count.array(), java.nio.charset.StandardCharsets.US_ASCII));
            byte[] patched = String.format("%07d", (n + 1) % 10_000_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            ch.write(java.nio.ByteBuffer.wrap(patched), trailerStart + 1);
            ch.force(true);
        }
        Files.move(tmp, corrupted, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return sha256Of(corrupted);
    }

    // ------------------------------------------------------------------ status and results

    public Optional<Receipt> receipt(String receiptNo) {
        return Optional.ofNullable(byReceiptNo.get(receiptNo));
    }

    public Receipt.Status status(Receipt receipt) {
        return receipt.status(clock.millis(), processingDelayMillis);
    }

    /** The file to serve and its hash, or empty while the receipt is not DONE. */
    public Optional<ResultFile> result(Receipt receipt) {
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

    public record ResultFile(Path path, long size, String sha256) {
    }

    public List<Receipt> receipts() {
        synchronized (intakeLock) {
            return List.copyOf(inOrder);
        }
    }

    /**
     * For tests: R1 -> sub-merchant id -> number of accepted files holding it; S1 -> transaction id -> count.
     * Reads the stored request files (streaming).
     */
    public Map<String, Integer> receivedCounts(FileType type) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Receipt r : receipts()) {
            if (r.info().fileType() != type) {
                continue;
            }
            Path file = store.requestFile(r.info().receiptNo(), type);
            java.util.Set<String> ids = new java.util.HashSet<>();
            if (type == FileType.R1) {
                KisFileReader.read(file, FileType.R1, (R1Record rec) -> ids.add(rec.subMerchantId().strip()));
            } else {
                KisFileReader.read(file, FileType.S1, (S1Record rec) -> ids.add(rec.transactionId().strip()));
            }
            ids.forEach(id -> counts.merge(id, 1, Integer::sum));
        }
        return counts;
    }

    public Map<String, Object> describe(Receipt r) {
        ReceiptInfo i = r.info();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("receiptNo", i.receiptNo());
        m.put("idempotencyKey", i.idempotencyKey());
        m.put("fileType", i.fileType().name());
        m.put("fileDate", i.fileDate().format(DateTimeFormatter.BASIC_ISO_DATE));
        m.put("fileSeq", i.fileSeq());
        m.put("recordCount", i.recordCount());
        m.put("status", status(r).name());
        return m;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Of(Path file) throws IOException {
        MessageDigest d = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                d.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    static String joinErrors(List<LayoutError> errors) {
        return errors.stream().map(LayoutError::toString).collect(Collectors.joining("; "));
    }
}
