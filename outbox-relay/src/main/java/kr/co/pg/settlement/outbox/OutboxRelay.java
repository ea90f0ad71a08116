package kr.co.pg.settlement.outbox;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * <p>If the engine stops after a successful {@link #start()} (Kafka refused a batch, the connection broke for
 * good), the relay restarts it from the last committed offset with a growing delay (1 s .. 60 s) until
 * {@link #close()}; {@link #isRunning()} is false meanwhile.
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
    private final CountDownLatch closeRequested = new CountDownLatch(1);
    private final Object lifecycle = new Object();
    private final Object engineLock = new Object();

    private volatile DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private volatile boolean running;
    private Thread supervisor;

    public OutboxRelay(OutboxRelayConfig config, Producer<String, byte[]> producer) {
        this.config = Objects.requireNonNull(config, "config");
        this.relayer = new BatchRelayer(config.name(), Objects.requireNonNull(producer, "producer"));
    }

    /**
     * Starts the engine on its own thread and returns once the connector task runs (a first start then
     * snapshots the table in the background; later starts resume at the committed binlog position).
     *
     * @throws OutboxRelayException if MariaDB is unreachable, the binlog is off or not row-based, the state
     *                              directory cannot be created, or the connector fails to start
     */
    public void start() {
        CompletableFuture<Void> firstStart = new CompletableFuture<>();
        synchronized (lifecycle) {
            if (supervisor != null) {
                throw new IllegalStateException("Outbox relay '" + config.name() + "' was already started");
            }
            if (closeRequested.getCount() == 0) {
                throw new IllegalStateException("Outbox relay '" + config.name() + "' is closed");
            }
            try {
                Files.createDirectories(config.stateDir());
            } catch (IOException e) {
                throw new OutboxRelayException("Outbox relay '" + config.name() + "' cannot create its state"
                        + " directory " + config.stateDir() + ": " + e, e);
            }
            BinlogPreflight.check(config);
            log.info("Starting outbox relay {}", config);
            supervisor = new Thread(() -> superviseEngine(firstStart), "outbox-relay-" + config.name());
            supervisor.setDaemon(true);
            supervisor.start();
        }
        try {
            firstStart.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
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
        log.info("Outbox relay '{}' is running", config.name());
    }

    /** True while the connector task runs (false before start, during a restart delay, and after close). */
    public boolean isRunning() {
        return running;
    }

    /** Rows Kafka acknowledged since this relay object was created (a row sent again after a restart counts again). */
    public long relayedCount() {
        return relayer.relayedCount();
    }

    /**
     * Highest outbox id whose send Kafka acknowledged since this relay object was created, 0 if none yet.
     * Rows up to it may be deleted. Inserts of concurrent transactions can commit out of id order, so a lower id
     * may still be on its way; deleting it is harmless while the binlog holds its insert (the relay reads the
     * binlog, not the table), but a re-snapshot after a purged binlog would then not see it.
     */
    public long lastRelayedId() {
        return relayer.lastRelayedId();
    }

    /** Stops the engine, which commits the offsets of every acknowledged batch, and waits for it to end. */
    @Override
    public void close() {
        Thread toJoin;
        synchronized (lifecycle) {
            closeRequested.countDown();
            toJoin = supervisor;
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
        running = false;
        log.info("Outbox relay '{}' stopped after relaying {} rows (last id {})", config.name(), relayedCount(),
                lastRelayedId());
    }

    private void superviseEngine(CompletableFuture<Void> firstStart) {
        int failuresInARow = 0;
        while (closeRequested.getCount() > 0) {
            long startedAt = System.nanoTime();
            Throwable failure = runEngineOnce(firstStart);
            running = false;
            if (closeRequested.getCount() == 0) {
                return;
            }
            if (!firstStart.isDone()) {
                firstStart.completeExceptionally(failure != null ? failure
                        : new OutboxRelayException("the engine stopped before its task started"));
            }
            if (firstStart.isCompletedExceptionally()) {
                return;
            }
            boolean healthyRun = Duration.ofNanos(System.nanoTime() - startedAt).compareTo(HEALTHY_RUN) >= 0;
            failuresInARow = healthyRun ? 1 : failuresInARow + 1;
            Duration delay = restartDelay(failuresInARow);
            log.error("Outbox relay '{}' stopped unexpectedly; restarting from the last committed offset in {} ms"
                    + " (attempt {}). Cause: {}", config.name(), delay.toMillis(), failuresInARow,
                    failure == null ? "none reported" : failure.toString(), failure);
            try {
                if (closeRequested.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Runs one engine until it stops; returns its failure, if any. */
    private Throwable runEngineOnce(CompletableFuture<Void> firstStart) {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        DebeziumEngine<RecordChangeEvent<SourceRecord>> created;
        try {
            created = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                    .using(DebeziumProperties.of(config))
                    .notifying(relayer)
                    .using(new DebeziumEngine.ConnectorCallback() {
                        @Override
                        public void taskStarted() {
                            running = true;
                            firstStart.complete(null);
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
            if (closeRequested.getCount() == 0) {
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
        } catch (IOException | RuntimeException e) {
            log.warn("Outbox relay '{}': closing the Debezium engine failed: {}", config.name(), e.toString());
        }
    }

    static Duration restartDelay(int failuresInARow) {
        long millis = MIN_RESTART_DELAY.toMillis() << Math.min(Math.max(failuresInARow - 1, 0), 10);
        return Duration.ofMillis(Math.min(millis, MAX_RESTART_DELAY.toMillis()));
    }
}
