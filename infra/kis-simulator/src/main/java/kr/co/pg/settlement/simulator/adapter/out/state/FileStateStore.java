package kr.co.pg.settlement.simulator.adapter.out.state;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.UUID;
import kr.co.pg.settlement.kis.protocol.FeeTier;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.simulator.application.Outcome;
import kr.co.pg.settlement.simulator.application.ReceiptInfo;
import kr.co.pg.settlement.simulator.application.StateStore;
import kr.co.pg.settlement.simulator.domain.KisLedger;
import kr.co.pg.settlement.simulator.domain.LedgerJournal;
import kr.co.pg.settlement.simulator.domain.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state directory:
 * <pre>
 *   incoming/            uploads being received
 *   requests/{receipt}.R1|S1   accepted request files, as received
 *   results/{receipt}.R2|S2    result files (and .corrupt copies of the corrupted-result fault)
 *   receipts.journal     append-only, tab separated: A (accepted), O (outcome), D (corrupted download served)
 *   ledger.journal       append-only, tab separated, each line tagged with the receipt whose processing made it:
 *                        R (registered), C (closed), T (transaction accepted), K (approval seen)
 * </pre>
 * A line that cannot be parsed (torn write at a crash) is skipped with a warning. Ledger lines of a receipt without
 * a successful outcome are not replayed; such a receipt is processed again on start.
 */
public final class FileStateStore implements StateStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileStateStore.class);

    private final Path incoming;
    private final Path requests;
    private final Path results;
    private final Path receiptsJournal;
    private final Path ledgerJournal;
    private final FileOutputStream ledgerOut;
    private final BufferedWriter ledgerWriter;
    private final Object receiptsLock = new Object();

    public FileStateStore(Path stateDir) {
        try {
            this.incoming = Files.createDirectories(stateDir.resolve("incoming"));
            this.requests = Files.createDirectories(stateDir.resolve("requests"));
            this.results = Files.createDirectories(stateDir.resolve("results"));
            this.receiptsJournal = stateDir.resolve("receipts.journal");
            this.ledgerJournal = stateDir.resolve("ledger.journal");
            this.ledgerOut = new FileOutputStream(ledgerJournal.toFile(), true);
            this.ledgerWriter = new BufferedWriter(new OutputStreamWriter(ledgerOut, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the KIS simulator state directory " + stateDir.toAbsolutePath()
                    + " (check kis.simulator.state-dir and its permissions)", e);
        }
    }

    @Override
    public Path newIncomingFile() throws IOException {
        return Files.createFile(incoming.resolve(UUID.randomUUID() + ".upload"));
    }

    @Override
    public Path requestFile(String receiptNo, FileType type) {
        return requests.resolve(receiptNo + "." + type.name());
    }

    @Override
    public Path resultFile(String receiptNo, FileType type) {
        return results.resolve(receiptNo + "." + type.name());
    }

    @Override
    public Path corruptedResultFile(String receiptNo, FileType type) {
        return results.resolve(receiptNo + "." + type.name() + ".corrupt");
    }

    @Override
    public void keepRequest(Path from, Path requestFile) throws IOException {
        try {
            Files.move(from, requestFile, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, requestFile, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void journalAccepted(ReceiptInfo i) {
        appendReceiptLine(String.join("\t", "A", i.receiptNo(), i.idempotencyKey(), i.contentSha256(),
                i.fileType().name(), i.fileDate().toString(), Integer.toString(i.fileSeq()),
                Integer.toString(i.recordCount()), i.pgCompanyCode(), Long.toString(i.acceptedAtMillis())));
    }

    @Override
    public void journalOutcome(String receiptNo, Outcome o) {
        appendReceiptLine(String.join("\t", "O", receiptNo, Boolean.toString(o.failed()), Long.toString(o.dueAtMillis()),
                nz(o.resultSha256()), Long.toString(o.resultSize()), Integer.toString(o.corruptedDownloads()),
                nz(o.corruptedSha256()), o.message() == null ? "-" : o.message().replace('\t', ' ').replace('\n', ' ')));
    }

    @Override
    public void journalCorruptedDownload(String receiptNo) {
        appendReceiptLine("D\t" + receiptNo);
    }

    @Override
    public LedgerJournal ledgerJournal(String receiptNo) {
        return new LedgerJournal() {
            @Override
            public void registered(Registration r) {
                ledgerLine("R\t" + receiptNo + "\t" + r.subMerchantId() + "\t" + r.businessNo() + "\t"
                        + r.kisSubMerchantNo() + "\t" + r.tier().name() + "\t" + r.validFrom() + "\t" + r.validTo() + "\t"
                        + (r.closedOn() == null ? "-" : r.closedOn()));
            }

            @Override
            public void closed(String subMerchantId, LocalDate closedOn) {
                ledgerLine("C\t" + receiptNo + "\t" + subMerchantId + "\t" + closedOn);
            }

            @Override
            public void transactionAccepted(String transactionId) {
                ledgerLine("T\t", receiptNo, transactionId, null);
            }

            private LocalDate lastDate;
            private String lastDateText;

            @Override
            public void approvalSeen(LocalDate approvalDate, String approvalNo) {
                if (!approvalDate.equals(lastDate)) {
                    lastDate = approvalDate;
                    lastDateText = approvalDate.toString();
                }
                ledgerLine("K\t", receiptNo, lastDateText, approvalNo);
            }
        };
    }

    /** One hot-path line: {@code tag receiptNo \t a [\t b]}, written piecewise (no concatenation per record). */
    private void ledgerLine(String tag, String receiptNo, String a, String b) {
        try {
            ledgerWriter.write(tag);
            ledgerWriter.write(receiptNo);
            ledgerWriter.write('\t');
            ledgerWriter.write(a);
            if (b != null) {
                ledgerWriter.write('\t');
                ledgerWriter.write(b);
            }
            ledgerWriter.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + ledgerJournal + ": " + e.getMessage(), e);
        }
    }

    private void ledgerLine(String line) {
        try {
            ledgerWriter.write(line);
            ledgerWriter.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + ledgerJournal + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void flushLedger() {
        try {
            ledgerWriter.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + ledgerJournal + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void forceLedger() {
        try {
            ledgerOut.getFD().sync();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync " + ledgerJournal + ": " + e.getMessage(), e);
        }
    }

    private void appendReceiptLine(String line) {
        synchronized (receiptsLock) {
            try (FileOutputStream out = new FileOutputStream(receiptsJournal.toFile(), true)) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.getFD().sync();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + receiptsJournal + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void load(ReceiptLoader loader, KisLedger ledger) {
        readLines(receiptsJournal, f -> {
            switch (f[0]) {
                case "A" -> loader.accepted(new ReceiptInfo(f[1], f[2], f[3], FileType.valueOf(f[4]), LocalDate.parse(f[5]),
                        Integer.parseInt(f[6]), Integer.parseInt(f[7]), f[8], Long.parseLong(f[9])));
                case "O" -> loader.outcome(f[1], new Outcome(Boolean.parseBoolean(f[2]), "-".equals(f[8]) ? null : f[8],
                        Long.parseLong(f[3]), nn(f[4]), Long.parseLong(f[5]), Integer.parseInt(f[6]), nn(f[7])));
                case "D" -> loader.corruptedDownload(f[1]);
                default -> throw new IllegalArgumentException("unknown entry " + f[0]);
            }
        });
        readLines(ledgerJournal, f -> {
            if (!loader.completed(f[1])) {
                return;
            }
            switch (f[0]) {
                case "R" -> ledger.replayRegistered(new Registration(f[2], f[3], f[4], FeeTier.valueOf(f[5]),
                        LocalDate.parse(f[6]), LocalDate.parse(f[7]), "-".equals(f[8]) ? null : LocalDate.parse(f[8])));
                case "C" -> ledger.replayClosed(f[2], LocalDate.parse(f[3]));
                case "T" -> ledger.replayTransactionAccepted(f[2]);
                case "K" -> ledger.replayApprovalSeen(LocalDate.parse(f[2]), f[3]);
                default -> throw new IllegalArgumentException("unknown entry " + f[0]);
            }
        });
    }

    private interface LineHandler {
        void accept(String[] fields);
    }

    private static void readLines(Path journal, LineHandler handler) {
        try (BufferedReader in = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    handler.accept(line.split("\t", -1));
                } catch (RuntimeException e) {
                    log.warn("skipping unreadable line {} of {} ({}): {}", n, journal, e, line);
                }
            }
        } catch (NoSuchFileException e) {
            // fresh state directory
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + journal + ": " + e.getMessage(), e);
        }
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }

    private static String nn(String s) {
        return "-".equals(s) ? null : s;
    }

    @Override
    public void close() {
        try {
            ledgerWriter.flush();
            ledgerWriter.close();
        } catch (IOException e) {
            log.warn("cannot close {}: {}", ledgerJournal, e.toString());
        }
    }
}
