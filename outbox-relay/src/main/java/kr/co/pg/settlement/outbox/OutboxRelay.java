package kr.co.pg.settlement.outbox;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.debezium.engine.spi.OffsetCommitPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays every row inserted into the transactional outbox table to Kafka, reading the MariaDB binlog with an
 * embedded Debezium engine.
 *
 * <p>Each inserted row becomes {@code ProducerRecord(topic, event_key, payload)} with the UTF-8 headers
 * {@code eventId}, {@code eventType} and {@code businessDate} (ISO date). Updates and deletes of the table are
 * ignored, so relayed rows may be deleted at any time. Rows are sent in binlog order by one thread; a batch's
 * binlog offset is committed only after Kafka acknowledged all its rows. After a crash the last uncommitted batch
 * is sent again (consumers dedupe by eventId); nothing is lost. The producer must keep order on retries
 * (idempotence on, or max.in.flight.requests.per.connection=1) and allow records as large as the payloads.
 *
 * <p>Active/standby: any number of instances with the same database and relay name form one relay. Only the
 * instance holding the relay's MariaDB named lock ({@link RelayLock}) runs the engine; the others try to take the
 * lock every {@link OutboxRelayConfig#standbyRetryInterval()}. The lock dies with its holder's session (process
 * killed, connection killed), so a standby takes over within about that interval. Offsets and schema history are
 * rows in the outbox database ({@link JdbcOffsetStore}, {@link JdbcSchemaHistory}), shared by the instances, so
 * the new active instance resumes at the last committed position without a snapshot. An instance that loses its
 * lock stops its engine at once (it checks every {@link RelayLock#HEARTBEAT}) and can no longer write state.
 *
 * <p>If the engine stops while this instance is active (Kafka refused a batch, the connection broke for good), the
 * relay restarts it from the last committed offset with a growing delay (1 s .. 60 s), keeping the lock;
 * {@link #isRunning()} is false meanwhile.
 *
 * <p>The producer is not closed by the relay; its owner closes it after {@link #close()}.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration MIN_RESTART_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_RESTART_DELAY = Duration.ofSeconds(60);
    /** A run that lasted at least this long resets the restart delay. */
    private static final Duration HEALTHY_RUN = Duration.ofMinutes(1);

    private final OutboxRelayConfig config;
    private final BatchRelayer relayer;
    private final String instance;
    private final CountDownLatch closeRequested = new CountDownLatch(1);
    private final Object lifecycle = new Object();
    private final Object engineLock = new Object();
    private final AtomicLong activations = new AtomicLong();

    private volatile DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private volatile boolean running;
    /** The current leadership term; null while standing by. Written under engineLock. */
    private volatile Term term;
    private volatile Instant activeSince;
    private Thread worker;
    private ScheduledExecutorService lockChecks;

    public OutboxRelay(OutboxRelayConfig config, Producer<String, byte[]> producer) {
        this.config = Objects.requireNonNull(config, "config");
        this.relayer = new BatchRelayer(config.name(), Objects.requireNonNull(producer, "producer"),
                this::confirmLeadership);
        this.instance = instanceName();
    }

    /**
     * Checks the database, creates the state tables if missing, and either becomes the active instance - returning
     * once the connector task runs (a first start then snapshots the table in the background; later starts resume
     * at the committed binlog position) - or, if another instance holds the relay lock, returns at once as a
     * standby that keeps trying in the background.
     *
     * @throws OutboxRelayException if MariaDB is unreachable, the binlog is off or not row-based, the state tables
     *                              cannot be created, or the connector fails to start
     */
    public void start() {
        CompletableFuture<Boolean> firstDecision = new CompletableFuture<>();
        synchronized (lifecycle) {
            if (worker != null) {
                throw new IllegalStateException("Outbox relay '" + config.name() + "' was already started");
            }
            if (closing()) {
                throw new IllegalStateException("Outbox relay '" + config.name() + "' is closed");
            }
            BinlogPreflight.check(config);
            RelayDatabase.createTables(config);
            log.info("Starting outbox relay {} as instance {}", config, instance);
            lockChecks = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "outbox-relay-lock-" + config.name());
                thread.setDaemon(true);
                return thread;
            });
            worker = new Thread(() -> leadOrStandBy(firstDecision), "outbox-relay-" + config.name());
            worker.setDaemon(true);
            worker.start();
        }
        boolean active;
        try {
            active = firstDecision.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new OutboxRelayException("Interrupted while starting outbox relay '" + config.name() + "'", e);
        } catch (TimeoutException e) {
            close();
            throw new OutboxRelayException("Outbox relay '" + config.name() + "' did not start within "
                    + START_TIMEOUT.toSeconds() + " s; see the Debezium log lines before this one", e);
        } catch (ExecutionException e) {
            close();
            throw new OutboxRelayException("Outbox relay '" + config.name() + "' failed to start against "
                    + config.dbHost() + ":" + config.dbPort() + "/" + config.database() + "." + config.table()
                    + ": " + e.getCause().getMessage() + ". Check the binlog settings and the user's privileges"
                    + " (SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT)", e.getCause());
        }
        log.info("Outbox relay '{}' started on instance {}: {}", config.name(), instance,
                active ? "ACTIVE, relaying" : "STANDBY, another instance relays");
    }

    /** True while this instance holds the relay lock (it relays, or restarts its engine to relay). */
    public boolean isActive() {
        Term current = term;
        return current != null && !current.isOver();
    }

    /** True while the connector task runs (false on a standby, before start, during a restart delay, after close). */
    public boolean isRunning() {
        return running;
    }

    /** Rows Kafka acknowledged since this relay object was created (a row re-sent after a restart counts again). */
    public long relayedCount() {
        return relayer.relayedCount();
    }

    /**
     * Highest outbox id whose send Kafka acknowledged since this relay object was created, 0 if none yet (always 0
     * on an instance that never was active). Rows up to it may be deleted. Inserts of concurrent transactions can
     * commit out of id order, so a lower id may still be on its way; deleting it is harmless while the binlog holds
     * its insert (the relay reads the binlog, not the table), but a re-snapshot after a purged binlog would then not
     * see it.
     */
    public long lastRelayedId() {
        return relayer.lastRelayedId();
    }

    /** A snapshot of this instance's state for health checks. */
    public OutboxRelayStatus status() {
        return new OutboxRelayStatus(isActive(), running, activeSince, activations.get(), relayer.lastRelayedAt(),
                relayer.lastRelayedId(), relayer.relayedCount(), relayer.lastPosition());
    }

    /**
     * Stops the engine, which commits the offsets of every acknowledged batch, releases the relay lock (a standby
     * takes over) and waits for it to end.
     */
    @Override
    public void close() {
        Thread toJoin;
        synchronized (lifecycle) {
            closeRequested.countDown();
            toJoin = worker;
        }
        Term current;
        synchronized (engineLock) {
            current = term;
        }
        if (current != null) {
            current.end();
        }
        if (toJoin == null || toJoin == Thread.currentThread()) {
            closeEngine();
        } else {
            // an engine asked to stop while it is still starting may not notice: ask again until it ends
            long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
            try {
                while (toJoin.isAlive() && System.nanoTime() < deadline) {
                    closeEngine();
                    toJoin.join(1_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (toJoin.isAlive()) {
                log.warn("Outbox relay '{}' did not stop within {} s", config.name(), STOP_TIMEOUT.toSeconds());
            }
        }
        synchronized (lifecycle) {
            if (lockChecks != null) {
                lockChecks.shutdownNow();
            }
        }
        running = false;
        log.info("Outbox relay '{}' stopped on instance {} after relaying {} rows (last id {})", config.name(),
                instance, relayedCount(), lastRelayedId());
    }

    /** The worker: tries the lock every standbyRetryInterval; relays while it holds it. */
    private void leadOrStandBy(CompletableFuture<Boolean> firstDecision) {
        long holderLogged = -1;
        while (!closing()) {
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
            if (awaitClose(config.standbyRetryInterval())) {
                return;
            }
        }
    }

    /** One leadership term: runs (and restarts) the engine until close, or until the lock is lost. */
    private void lead(RelayLock lock, CompletableFuture<Boolean> firstDecision) {
        Term current = new Term(lock);
        synchronized (engineLock) {
            if (closing()) {
                lock.close();
                return;
            }
            term = current;
        }
        activeSince = Instant.now();
        activations.incrementAndGet();
        log.info("Outbox relay '{}' is ACTIVE on instance {}: holds lock '{}' (MariaDB connection {}); relaying from"
                + " the last committed offset", config.name(), instance, lock.name(), lock.connectionId());
        ScheduledFuture<?> checks;
        try {
            checks = lockChecks.scheduleWithFixedDelay(() -> checkLock(current), RelayLock.HEARTBEAT.toMillis(),
                    RelayLock.HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closedMeanwhile) {
            synchronized (engineLock) {
                term = null;
            }
            lock.close();
            return;
        }
        try {
            superviseEngine(current, firstDecision);
        } finally {
            checks.cancel(false);
            synchronized (engineLock) {
                term = null;
            }
            activeSince = null;
            running = false;
            lock.close();
            if (current.lost) {
                log.warn("Outbox relay '{}' on instance {} stopped relaying: it lost its lock. Standing by; another"
                        + " instance relays from the last committed offset.", config.name(), instance);
            }
        }
    }

    /** Runs on the lock-check thread every heartbeat while this instance is active. */
    private void checkLock(Term current) {
        if (current.isOver()) {
            closeEngine(); // an engine still starting may have missed the first request
            return;
        }
        if (!current.lock.stillHeld()) {
            loseLeadership(current);
            closeEngine();
        }
    }

    /** Asked by the relayer before each batch: the lock is checked on its own connection (one short query). */
    private boolean confirmLeadership() {
        Term current = term;
        if (current == null || current.isOver()) {
            return false;
        }
        if (!current.lock.stillHeld()) {
            loseLeadership(current);
            return false;
        }
        return true;
    }

    private void loseLeadership(Term current) {
        synchronized (current) {
            if (current.isOver()) {
                return;
            }
            current.lost = true;
            current.end();
        }
        log.error("Outbox relay '{}' on instance {} LOST its lock '{}' (its MariaDB connection {} broke or was"
                + " killed): stopping the engine now so that only one instance relays", config.name(), instance,
                current.lock.name(), current.lock.connectionId());
    }

    private void superviseEngine(Term current, CompletableFuture<Boolean> firstDecision) {
        int failuresInARow = 0;
        while (!current.isOver()) {
            long startedAt = System.nanoTime();
            Throwable failure = runEngineOnce(current, firstDecision);
            running = false;
            if (current.isOver()) {
                return;
            }
            if (!firstDecision.isDone()) {
                firstDecision.completeExceptionally(failure != null ? failure
                        : new OutboxRelayException("the engine stopped before its task started"));
            }
            if (firstDecision.isCompletedExceptionally()) {
                return;
            }
            boolean healthyRun = Duration.ofNanos(System.nanoTime() - startedAt).compareTo(HEALTHY_RUN) >= 0;
            failuresInARow = healthyRun ? 1 : failuresInARow + 1;
            Duration delay = restartDelay(failuresInARow);
            log.error("Outbox relay '{}' stopped unexpectedly; restarting from the last committed offset in {} ms"
                    + " (attempt {}). Cause: {}", config.name(), delay.toMillis(), failuresInARow,
                    failure == null ? "none reported" : failure.toString(), failure);
            try {
                if (current.ended.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Runs one engine until it stops; returns its failure, if any. */
    private Throwable runEngineOnce(Term current, CompletableFuture<Boolean> firstDecision) {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        StateAccess state = new StateAccess(
                RelayDatabase.jdbcUrl(config.dbHost(), config.dbPort(), config.database()), config.dbUser(),
                config.dbPassword(), config.name(), current.lock.name(), current.lock.connectionId(),
                instance + " (lock connection " + current.lock.connectionId() + ")");
        DebeziumEngine<RecordChangeEvent<SourceRecord>> created;
        try {
            created = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                    .using(DebeziumProperties.of(config, state))
                    .notifying(relayer)
                    // commit after every acknowledged batch: a takeover replays at most the batch in flight
                    .using(OffsetCommitPolicy.always())
                    .using(new DebeziumEngine.ConnectorCallback() {
                        @Override
                        public void taskStarted() {
                            running = true;
                            firstDecision.complete(true);
                        }

                        @Override
                        public void taskStopped() {
                            running = false;
                        }
                    })
                    .using((success, message, error) -> {
                        running = false;
                        if (!success) {
                            outcome.complete(error != null ? error : new OutboxRelayException(message));
                        } else {
                            outcome.complete(null);
                        }
                        if (!success) {
                            log.warn("Outbox relay '{}' engine ended: {}", config.name(), message);
                        }
                    })
                    .build();
        } catch (RuntimeException e) {
            return e;
        }
        synchronized (engineLock) {
            if (current.isOver()) {
                return null;
            }
            engine = created;
        }
        try {
            created.run();
        } catch (RuntimeException e) {
            outcome.complete(e);
        }
        synchronized (engineLock) {
            engine = null;
        }
        return outcome.getNow(null);
    }

    private void closeEngine() {
        DebeziumEngine<RecordChangeEvent<SourceRecord>> current;
        synchronized (engineLock) {
            current = engine;
        }
        if (current != null) {
            closeQuietly(current);
        }
    }

    private void closeQuietly(DebeziumEngine<?> toClose) {
        try {
            toClose.close();
        } catch (IllegalStateException alreadyStopping) {
            // asked again while it stops (lock checks repeat the request): expected
            log.debug("Outbox relay '{}': {}", config.name(), alreadyStopping.getMessage());
        } catch (IOException | RuntimeException e) {
            log.warn("Outbox relay '{}': closing the Debezium engine failed: {}", config.name(), e.toString());
        }
    }

    private boolean closing() {
        return closeRequested.getCount() == 0;
    }

    /** Waits up to {@code timeout}; true if close was requested. */
    private boolean awaitClose(Duration timeout) {
        try {
            return closeRequested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    static Duration restartDelay(int failuresInARow) {
        long millis = MIN_RESTART_DELAY.toMillis() << Math.min(Math.max(failuresInARow - 1, 0), 10);
        return Duration.ofMillis(Math.min(millis, MAX_RESTART_DELAY.toMillis()));
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            host = "unknown-host";
        }
        return host + "/pid " + ProcessHandle.current().pid();
    }

    /** One period of holding the lock; ends on close or when the lock is lost. */
    private static final class Term {
        final RelayLock lock;
        final CountDownLatch ended = new CountDownLatch(1);
        volatile boolean lost;

        Term(RelayLock lock) {
            this.lock = lock;
        }

        void end() {
            ended.countDown();
        }

        boolean isOver() {
            return ended.getCount() == 0;
        }
    }
}
