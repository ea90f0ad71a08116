package kr.co.pg.settlement.outbox;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's background thread: tries the relay lock every standbyRetryInterval, stands by while another instance
 * holds it, and relays through {@link RelayEngine} while this one does, checking the lock every
 * {@link RelayLock#HEARTBEAT} on a thread of its own (the engine's thread may be blocked in a send).
 */
final class RelayWorker {

    private static final Logger log = LoggerFactory.getLogger(RelayWorker.class);

    private final OutboxRelayConfig config;
    private final String instance;
    private final Leadership leadership;
    private final RelayEngine engine;
    private final CloseSignal close;
    private final ScheduledExecutorService lockChecks;

    RelayWorker(OutboxRelayConfig config, String instance, Leadership leadership, RelayEngine engine,
                CloseSignal close) {
        this.config = config;
        this.instance = instance;
        this.leadership = leadership;
        this.engine = engine;
        this.close = close;
        this.lockChecks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay-lock-" + config.name());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs until close. Completes {@code firstDecision} with true once relaying, false when standing by, or
     * exceptionally when the first engine fails to start (then the worker ends).
     */
    void leadOrStandBy(CompletableFuture<Boolean> firstDecision) {
        long holderLogged = -1;
        while (!close.isRequested()) {
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
                lead(attempt.lock(), firstDecision);
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
            if (close.await(config.standbyRetryInterval())) {
                return;
            }
        }
    }

    /** Stops the lock checks for good (the relay is closed). */
    void stopLockChecks() {
        lockChecks.shutdownNow();
    }

    /** One leadership term: runs (and restarts) the engine until close, or until the lock is lost. */
    private void lead(RelayLock lock, CompletableFuture<Boolean> firstDecision) {
        LeadershipTerm current = leadership.begin(lock);
        if (current == null) {
            return;
        }
        log.info("Outbox relay '{}' is ACTIVE on instance {}: holds lock '{}' (MariaDB connection {}); relaying from"
                + " the last committed offset", config.name(), instance, lock.name(), lock.connectionId());
        ScheduledFuture<?> checks;
        try {
            checks = lockChecks.scheduleWithFixedDelay(() -> checkLock(current), RelayLock.HEARTBEAT.toMillis(),
                    RelayLock.HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closedMeanwhile) {
            leadership.finish();
            lock.close();
            return;
        }
        try {
            engine.runWhile(current, firstDecision);
        } finally {
            checks.cancel(false);
            leadership.finish();
            engine.markStopped();
            lock.close();
            if (current.wasLost()) {
                log.warn("Outbox relay '{}' on instance {} stopped relaying: it lost its lock. Standing by; another"
                        + " instance relays from the last committed offset.", config.name(), instance);
            }
        }
    }

    /** Runs on the lock-check thread every heartbeat while this instance is active. */
    private void checkLock(LeadershipTerm current) {
        if (current.isOver()) {
            engine.stop(); // an engine still starting may have missed the first request
            return;
        }
        if (!current.lock.stillHeld()) {
            leadership.lose(current);
            engine.stop();
        }
    }
}
