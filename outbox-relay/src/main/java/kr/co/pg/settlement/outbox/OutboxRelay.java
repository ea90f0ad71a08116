package kr.co.pg.settlement.outbox;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
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
 * <p>This class is the lifecycle (start, close, status); {@link Leadership} takes the lock or stands by and knows
 * whether this instance may relay, {@link RelayEngine} runs and restarts Debezium, {@link BatchRelayer} sends the
 * rows.
 *
 * <p>The producer is not closed by the relay; its owner closes it after {@link #close()}.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final OutboxRelayConfig config;
    private final BatchRelayer relayer;
    private final String instance;
    private final Leadership leadership;
    private final RelayEngine engine;
    private final Object lifecycle = new Object();
    private Thread worker;

    public OutboxRelay(OutboxRelayConfig config, Producer<String, byte[]> producer) {
        this.config = Objects.requireNonNull(config, "config");
        this.instance = instanceName();
        this.leadership = new Leadership(config, instance);
        this.relayer = new BatchRelayer(config.name(), Objects.requireNonNull(producer, "producer"),
                leadership::confirm);
        this.engine = new RelayEngine(config, relayer, instance);
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
            if (leadership.isClosed()) {
                throw new IllegalStateException("Outbox relay '" + config.name() + "' is closed");
            }
            BinlogPreflight.check(config);
            RelayDatabase.createTables(config);
            log.info("Starting outbox relay {} as instance {}", config, instance);
            worker = new Thread(() -> leadership.leadOrStandBy(engine, firstDecision), "outbox-relay-" + config.name());
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
        return leadership.isActive();
    }

    /** True while the connector task runs (false on a standby, before start, during a restart delay, after close). */
    public boolean isRunning() {
        return engine.isRunning();
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
        return new OutboxRelayStatus(isActive(), isRunning(), leadership.activeSince(), leadership.activations(),
                relayer.lastRelayedAt(), relayer.lastRelayedId(), relayer.relayedCount(), relayer.lastPosition());
    }

    /**
     * Stops the engine, which commits the offsets of every acknowledged batch, releases the relay lock (a standby
     * takes over) and waits for it to end.
     */
    @Override
    public void close() {
        Thread toJoin;
        synchronized (lifecycle) {
            leadership.close();
            toJoin = worker;
        }
        if (toJoin == null || toJoin == Thread.currentThread()) {
            engine.stop();
        } else {
            // an engine asked to stop while it is still starting may not notice: ask again until it ends
            long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
            try {
                while (toJoin.isAlive() && System.nanoTime() < deadline) {
                    engine.stop();
                    toJoin.join(1_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (toJoin.isAlive()) {
                log.warn("Outbox relay '{}' did not stop within {} s", config.name(), STOP_TIMEOUT.toSeconds());
            }
        }
        leadership.stopLockChecks();
        engine.markStopped();
        log.info("Outbox relay '{}' stopped on instance {} after relaying {} rows (last id {})", config.name(),
                instance, relayedCount(), lastRelayedId());
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
}
