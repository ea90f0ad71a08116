package kr.co.pg.settlement.collector.application;

import java.util.Collection;
import java.util.Set;
import kr.co.pg.settlement.events.RegistrationFileRequested;
import kr.co.pg.settlement.events.SettlementFileRequested;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The collector's own record of the files it decided: it reads its file-requested topics back. On a normal day every
 * file is known (its row is written in the transaction that wrote its event) and nothing happens. After the database
 * was restored from a backup older than some files, those files are re-created exactly as decided - rows, sequence,
 * creation time, kick-off - before any run decides again ({@link DecisionBarrier}), so the replayed day cannot put a
 * transaction into a second file or decide it differently.
 */
@Service
public class FileLedger {

    private static final Logger log = LoggerFactory.getLogger(FileLedger.class);

    private final RecreatedFiles files;
    private final SettlementStore settlements;
    private final RegistrationStore registrations;
    private final ChunkTransactions tx;
    private final DecisionBarrier barrier;

    FileLedger(RecreatedFiles files, SettlementStore settlements, RegistrationStore registrations,
               ChunkTransactions tx, DecisionBarrier barrier) {
        this.files = files;
        this.settlements = settlements;
        this.registrations = registrations;
        this.tx = tx;
        this.barrier = barrier;
    }

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
        return fileIds.stream().filter(id -> !known.contains(id)).collect(java.util.stream.Collectors.toSet());
    }

    public void recreate(SettlementFileRequested e) {
        tx.inTransaction(() -> {
            if (!files.known(Set.of(e.fileId())).isEmpty()) {
                return null;
            }
            files.insertFile("S1", e.fileId(), e.fileDate(), e.fileSeq(), e.businessDate(), e.kickoffId(),
                    e.records().size(), e.createdAt());
            files.insertSettlementRequests(e);
            int collected = settlements.markCollected(e.fileId());
            log.warn("file {} ({} records, kick-off {}) was not in the database (restored from an older backup):"
                    + " re-created as decided, {} transactions COLLECTED again", e.fileId(), e.records().size(),
                    e.kickoffId(), collected);
            return null;
        });
    }

    public void recreate(RegistrationFileRequested e) {
        tx.inTransaction(() -> {
            if (!files.known(Set.of(e.fileId())).isEmpty()) {
                return null;
            }
            files.insertFile("R1", e.fileId(), e.fileDate(), e.fileSeq(), e.businessDate(), e.kickoffId(),
                    e.records().size(), e.createdAt());
            files.insertRegistrationRequests(e);
            int requested = registrations.markRequested(e.fileId());
            log.warn("file {} ({} records, kick-off {}) was not in the database (restored from an older backup):"
                    + " re-created as decided, {} sub-merchants REQUESTED again", e.fileId(), e.records().size(),
                    e.kickoffId(), requested);
            return null;
        });
    }
}
