package kr.co.pg.settlement.simulator.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import kr.co.pg.settlement.kis.protocol.FileHeader;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kis.protocol.KisFileReader;
import kr.co.pg.settlement.kis.protocol.LayoutError;
import kr.co.pg.settlement.kis.protocol.ReadResult;
import kr.co.pg.settlement.kis.protocol.S1Record;
import kr.co.pg.settlement.simulator.domain.KisLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Intake of an authenticated upload: layout validation, Idempotency-Key semantics (same key and content: the same
 * receipt; same key, other content: conflict), one receipt per file identity, then the file is kept, journaled and
 * queued for processing.
 */
record FileIntake(StateStore store, KisLedger ledger, ReceiptBook book, FaultControl faults,
                  ReceiptProcessor processor, Clock clock) {

    private static final Logger log = LoggerFactory.getLogger(FileIntake.class);

    /** An upload already on disk at {@code incoming} (moved away or deleted here). */
    IntakeResult intake(FileType type, String idempotencyKey, Path incoming, String contentSha256) {
        try {
            synchronized (book) {
                Receipt known = book.withIdempotencyKey(idempotencyKey);
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
            synchronized (book) {
                Receipt known = book.withIdempotencyKey(idempotencyKey);
                if (known != null) {
                    return repeatOrConflict(known, type, idempotencyKey, contentSha256);
                }
                Receipt holder = book.holderOf(type, h.fileDate(), h.fileSeq());
                if (holder != null) {
                    return new IntakeResult.Conflict("file " + type + " of " + h.fileDate() + " sequence " + h.fileSeq()
                            + " was already accepted under Idempotency-Key '" + holder.info().idempotencyKey()
                            + "' (receipt " + holder.info().receiptNo() + "): use a new file sequence");
                }
                String receiptNo = book.newReceiptNo(type);
                ReceiptInfo info = new ReceiptInfo(receiptNo, idempotencyKey, contentSha256, type, h.fileDate(),
                        h.fileSeq(), read.recordCount(), h.pgCompanyCode(), clock.millis());
                store.keepRequest(incoming, store.requestFile(receiptNo, type));
                store.journalAccepted(info);
                approvals.forEach(a -> ledger.approvalReceived(a.approvalDate(), a.approvalNo()));
                processor.submit(book.register(info, faults.current()));
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

    private static IntakeResult repeatOrConflict(Receipt known, FileType type, String key, String sha) {
        if (known.info().contentSha256().equals(sha) && known.info().fileType() == type) {
            return new IntakeResult.Accepted(known.info(), true);
        }
        return new IntakeResult.Conflict("Idempotency-Key '" + key + "' was already used for other content (receipt "
                + known.info().receiptNo() + "): a new file needs a new key");
    }
}
