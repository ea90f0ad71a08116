package kr.co.pg.settlement.simulator.application;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.simulator.domain.KisLedger;
import kr.co.pg.settlement.simulator.domain.RegistrationRules;
import kr.co.pg.settlement.simulator.domain.SettlementRules;

/**
 * KIS's behaviour behind the HTTP API, one entry for the web adapters: intake ({@link FileIntake}), background
 * processing in acceptance order ({@link ReceiptProcessor}), status and result files ({@link ReceiptResults}), recovery
 * at start ({@link StateRecovery}) and the test administration ({@link TestAdministration}), all persisted through
 * the {@link StateStore}.
 */
public final class SimulatorService implements AutoCloseable {

    private final StateStore store;
    private final ReceiptBook book;
    private final ReceiptProcessor processor;
    private final FileIntake intake;
    private final StateRecovery recovery;
    private final ReceiptResults results;
    private final TestAdministration administration;

    public SimulatorService(StateStore store, KisLedger ledger, RegistrationRules registration,
                            SettlementRules settlement, FaultControl faults, Clock clock, Duration processingDelay,
                            int processingThreads) {
        this.store = store;
        this.book = new ReceiptBook(clock);
        this.processor = new ReceiptProcessor(store, ledger, registration, settlement, clock, processingDelay.toMillis(),
                processingThreads);
        this.intake = new FileIntake(store, ledger, book, faults, processor, clock);
        this.recovery = new StateRecovery(store, ledger, book, faults, processor);
        this.results = new ReceiptResults(store, clock, processingDelay.toMillis());
        this.administration = new TestAdministration(store, book, results);
    }

    /** Reloads receipts and ledger from the state directory and resumes processing of what was not finished. */
    public void start() {
        recovery.recover();
    }

    @Override
    public void close() {
        processor.close();
    }

    /** A fresh file in the state directory to stream an upload into. */
    public Path newIncomingFile() throws IOException {
        return store.newIncomingFile();
    }

    /** An upload that passed authentication, already on disk at {@code incoming} (moved away or deleted here). */
    public IntakeResult intake(FileType type, String idempotencyKey, Path incoming, String contentSha256) {
        return intake.intake(type, idempotencyKey, incoming, contentSha256);
    }

    public Optional<Receipt> receipt(String receiptNo) {
        return book.receipt(receiptNo);
    }

    public Receipt.Status status(Receipt receipt) {
        return results.status(receipt);
    }

    /** The file to serve and its hash, or empty while the receipt is not DONE. */
    public Optional<ResultFile> result(Receipt receipt) {
        return results.result(receipt);
    }

    public List<Receipt> receipts() {
        return book.inAcceptanceOrder();
    }

    /** For tests: R1 -> sub-merchant id -> accepted files holding it; S1 -> transaction id -> count. */
    public Map<String, Integer> receivedCounts(FileType type) {
        return administration.receivedCounts(type);
    }

    public Map<String, Object> describe(Receipt r) {
        return administration.describe(r);
    }
}
