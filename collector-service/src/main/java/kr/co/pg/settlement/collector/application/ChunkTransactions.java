package kr.co.pg.settlement.collector.application;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs one chunk in one transaction; redoes it (re-reading) when another run changed the same rows meanwhile. */
@Component
class ChunkTransactions {

    private static final Logger log = LoggerFactory.getLogger(ChunkTransactions.class);
    private static final int ATTEMPTS = 5;

    private final TransactionTemplate tx;

    ChunkTransactions(TransactionTemplate tx) {
        this.tx = tx;
    }

    <T> T inTransaction(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }

    <T> T chunk(String what, Supplier<T> work) {
        return chunk(what, ATTEMPTS, work, conflict -> { });
    }

    /**
     * Runs {@code work} in a transaction of its own, up to {@code attempts} times: after a conflict (rows another
     * run changed, a file sequence taken, a deadlock) the transaction is rolled back, {@code beforeRedo} learns which
     * conflict it was, and the work runs again. The last attempt's conflict is thrown.
     */
    <T> T chunk(String what, int attempts, Supplier<T> work, Consumer<RuntimeException> beforeRedo) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> work.get());
            } catch (ConcurrentChangeException | FileSeqTakenException | DuplicateKeyException
                     | PessimisticLockingFailureException e) {
                if (attempt >= attempts) {
                    log.error("{}: still conflicting after {} attempts; the run stops and is retried from what is"
                            + " left", what, attempt);
                    throw e;
                }
                log.warn("{}: concurrent change, rolled back, redoing it (attempt {}): {}", what, attempt + 1,
                        e.getMessage());
                beforeRedo.accept(e);
            }
        }
    }
}
