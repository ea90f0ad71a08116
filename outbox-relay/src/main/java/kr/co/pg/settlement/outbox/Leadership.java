package kr.co.pg.settlement.outbox;

import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this instance may relay. The worker thread tries the relay lock every standbyRetryInterval, stands by
 * while another instance holds it, and runs the engine while this one does. The lock is confirmed before every
 * batch and every {@link RelayLock#HEARTBEAT}: a lost lock ends the term at once, so that two instances never
 * relay together. Closing ends leadership for good.
 */
final class Leadership {

    private static final Logger log = LoggerFactory.getLogger(Leadership.class);

    private final OutboxRelayConfig config;
    private final String instance;
    /** Heartbeat checks run on a thread of their own: the engine's thread may be blocked in a send. */
    private final ScheduledExecutorService lockChecks;
    private final Signal closed = new Signal();
    /** Orders a term's start against close: either close sees the term, or the term sees close. */
    private final Object termLock = new Object();
    private final AtomicLong activations = new AtomicLong();
    private volatile LeadershipTerm term;
    private volatile Instant activeSince;

    Leadership(OutboxRelayConfig config, String instance) {
        this.lockChecks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay-lock-" + config.name());
            thread.setDaemon(true);
            return thread;
        });
        this.config = config;
        this.instance = instance;
    }

    /**
     * The worker's loop, until close. Completes {@code firstDecision} with true once relaying, false when standing
     * by, or exceptionally when the first engine fails to start (then the loop ends).
     */
    void leadOrStandBy(RelayEngine engine, CompletableFuture<Boolean> firstDecision) {
        long holderLogged = -1;
        while (!closed.isSet()) {
            RelayLock.Attempt attempt = null;
            try {
                attempt = RelayLock.tryAcquire(config);
            } catch (SQLException e) {
                log.warn("Outbox relay '{}' (instance {}) cannot reach MariaDB {}:{} to take its lock: {}. Retrying"
                        + " every {} ms.", config.name(), instance, config.dbHost(), config.dbPort(), e.getMessage(),
                        config.standbyRetryInterval().toMillis());
            }
            if (attempt != null && attempt.acquired()) {
                holderLogged = -1;
                lead(attempt.lock(), engine, firstDecision);
                if (firstDecision.isCompletedExceptionally()) {
                    return;
                }
            } else {
                if (attempt != null && attempt.holderConnectionId() != holderLogged) {
                    holderLogged = attempt.holderConnectionId();
                    log.info("Outbox relay '{}' (instance {}) stands by: lock '{}' is held by MariaDB connection {}"
                            + " (another instance; see SHOW PROCESSLIST). Trying every {} ms.", config.name(),
                            instance, RelayLock.lockName(config), holderLogged,
                            config.standbyRetryInterval().toMillis());
                }
                firstDecision.complete(false);
            }
            if (closed.await(config.standbyRetryInterval())) {
                return;
            }
        }
    }

    /** One term: runs (and restarts) the engine until close, or until the lock is lost. */
    private void lead(RelayLock lock, RelayEngine engine, CompletableFuture<Boolean> firstDecision) {
        LeadershipTerm current = begin(lock);
        if (current == null) {
            return;
        }
        log.info("Outbox relay '{}' is ACTIVE on instance {}: holds lock '{}' (MariaDB connection {}); relaying from"
                + " the last committed offset", config.name(), instance, lock.name(), lock.connectionId());
        ScheduledFuture<?> checks;
        try {
            checks = lockChecks.scheduleWithFixedDelay(() -> checkLock(current, engine),
                    RelayLock.HEARTBEAT.toMillis(), RelayLock.HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closedMeanwhile) {
            finish();
            lock.close();
            return;
        }
        try {
            engine.runWhile(current, firstDecision);
        } finally {
            checks.cancel(false);
            finish();
            engine.markStopped();
            lock.close();
            if (current.wasLost()) {
                log.warn("Outbox relay '{}' on instance {} stopped relaying: it lost its lock. Standing by; another"
                        + " instance relays from the last committed offset.", config.name(), instance);
            }
        }
    }

    /** Starts a term on {@code lock}; null, with the lock released, when the relay is closing. */
    LeadershipTerm begin(RelayLock lock) {
        LeadershipTerm current = new LeadershipTerm(lock);
        synchronized (termLock) {
            if (closed.isSet()) {
                lock.close();
                return null;
            }
            term = current;
        }
        activeSince = Instant.now();
        activations.incrementAndGet();
        return current;
    }

    private void finish() {
        synchronized (termLock) {
            term = null;
        }
        activeSince = null;
    }

    /** Runs on the lock-check thread every heartbeat while this instance is active. */
    private void checkLock(LeadershipTerm current, RelayEngine engine) {
        if (current.isOver()) {
            engine.stop(); // an engine still starting may have missed the first request
            return;
        }
        if (!current.lock.stillHeld()) {
            lose(current);
            engine.stop();
        }
    }

    /** Asked by the relayer before each batch: the lock is checked on its own connection (one short query). */
    boolean confirm() {
        LeadershipTerm current = term;
        if (current == null || current.isOver()) {
            return false;
        }
        if (!current.lock.stillHeld()) {
            lose(current);
            return false;
        }
        return true;
    }

    private void lose(LeadershipTerm current) {
        if (!current.endAsLost()) {
            return;
        }
        log.error("Outbox relay '{}' on instance {} LOST its lock '{}' (its MariaDB connection {} broke or was"
                + " killed): stopping the engine now so that only one instance relays", config.name(), instance,
                current.lock.name(), current.lock.connectionId());
    }

    /** No term from now on: ends the current one, if any (its engine is stopped by the caller). */
    void close() {
        LeadershipTerm current;
        synchronized (termLock) {
            closed.set();
            current = term;
        }
        if (current != null) {
            current.end();
        }
    }

    boolean isClosed() {
        return closed.isSet();
    }

    /** Stops the lock checks for good, once the worker has ended. */
    void stopLockChecks() {
        lockChecks.shutdownNow();
    }

    boolean isActive() {
        LeadershipTerm current = term;
        return current != null && !current.isOver();
    }

    /** Start of the current term, null while standing by. */
    Instant activeSince() {
        return activeSince;
    }

    /** Terms begun since the relay object was created. */
    long activations() {
        return activations.get();
    }
}
