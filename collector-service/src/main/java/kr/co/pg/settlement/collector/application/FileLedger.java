package kr.co.pg.settlement.collector.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import kr.co.pg.settlement.events.FileRequested;
import kr.co.pg.settlement.events.RegistrationFileRequested;
import kr.co.pg.settlement.events.SettlementFileRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The collector's own record of the files it decided: it reads its file-requested topics back. On a normal day every
 * file is known (its row is written in the transaction that wrote its event) and nothing happens. After the database
 * was restored from a backup older than some files, those files are re-created exactly as decided - rows, sequence,
 * creation time, kick-off - before any run decides again ({@link DecisionBarrier}), so the replayed day cannot put a
 * transaction into a second file or decide it differently.
 */
@Service
public record FileLedger(RecreatedFiles files, SettlementStore settlements, RegistrationStore registrations,
                         ChunkTransactions tx, DecisionBarrier barrier) {

    private static final Logger log = LoggerFactory.getLogger(FileLedger.class);

    /**
     * Before a KIS refusal is applied: a resend must not create a file the first run already created, and the refused
     * file itself may still be on its way back.
     */
    public void requireFilesCaughtUp(String what) {
        barrier.requireFilesCaughtUp(what);
    }

    /** The file ids (record keys) of a batch this database does not know: only their events need reading. */
    public Set<String> unknown(Collection<String> fileIds) {
        Set<String> known = files.known(fileIds);
        return fileIds.stream().filter(id -> !known.contains(id)).collect(Collectors.toSet());
    }

    public void recreate(SettlementFileRequested e) {
        recreate("S1", e, "transactions COLLECTED", () -> {
            Set<String> requested = files.alreadyRequested(e.records().stream()
                    .map(SettlementFileRequested.Transaction::transactionId).toList());
            Map<Boolean, List<SettlementFileRequested.Transaction>> split = e.records().stream()
                    .collect(Collectors.partitioningBy(r -> requested.contains(r.transactionId())));
            settlements.insertRequests(e.fileId(), e.businessDate(), split.get(false));
            files.moveToLaterFile(e, split.get(true));
            return settlements.markInFile(e.fileId());
        });
    }

    public void recreate(RegistrationFileRequested e) {
        recreate("R1", e, "sub-merchants REQUESTED", () -> {
            registrations.insertRequests(e.fileId(), e.businessDate(), files.registrationsToRecreate(e));
            return registrations.markInFile(e.fileId());
        });
    }

    private void recreate(String fileType, FileRequested<?> e, String marked, IntSupplier insertAndMarkRows) {
        String fileId = e.fileId();
        tx.inTransaction(() -> {
            if (!files.known(Set.of(fileId)).isEmpty()) {
                return null;
            }
            try {
                files.insertFile(fileType, fileId, e.fileDate(), e.fileSeq(), e.businessDate(), e.kickoffId(),
                        e.records().size(), e.createdAt());
            } catch (DuplicateKeyException committedMeanwhile) {
                // the binlog can carry a transaction a moment before InnoDB shows its rows: the file is not lost
                log.debug("file {} was being committed when its event arrived: nothing to re-create", fileId);
                return null;
            }
            int rows = insertAndMarkRows.getAsInt();
            log.warn("file {} ({} records, kick-off {}) was not in the database (restored from an older backup):"
                    + " re-created as decided, {} {} again", fileId, e.records().size(), e.kickoffId(), rows, marked);
            return null;
        });
    }
}
