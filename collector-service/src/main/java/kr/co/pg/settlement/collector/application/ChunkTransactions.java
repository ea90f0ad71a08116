package kr.co.pg.settlement.collector.application;

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
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> work.get());
            } catch (ConcurrentChangeException | DuplicateKeyException | PessimisticLockingFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.warn("{}: concurrent change, rolled back, redoing the chunk (attempt {}): {}", what, attempt + 1,
                        e.getMessage());
            }
        }
    }
}
