package kr.co.pg.settlement.outbox;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.debezium.engine.spi.OffsetCommitPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Debezium engine of the active instance, one at a time. It starts from the last committed offset and,
 * if it stops while the term lasts (Kafka refused a batch, the connection broke for good), is restarted with a
 * growing delay (1 s .. 60 s), so that a lasting fault is not hammered and a passing one costs about a second.
 */
final class RelayEngine {

    private static final Logger log = LoggerFactory.getLogger(RelayEngine.class);
    private static final Duration MIN_RESTART_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_RESTART_DELAY = Duration.ofSeconds(60);
    /** A run that lasted at least this long resets the restart delay. */
    private static final Duration HEALTHY_RUN = Duration.ofMinutes(1);

    private final OutboxRelayConfig config;
    private final BatchRelayer relayer;
    private final String instance;
    /** Orders an engine's start against {@link #stop}: either stop sees the engine, or the engine sees the term over. */
    private final Object engineLock = new Object();
    private volatile DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private volatile boolean running;

    RelayEngine(OutboxRelayConfig config, BatchRelayer relayer, String instance) {
        this.config = config;
        this.relayer = relayer;
        this.instance = instance;
    }

    /** True while the connector task runs. */
    boolean isRunning() {
        return running;
    }

    void markStopped() {
        running = false;
    }

    /**
     * Runs the engine, restarting it, until the term is over. The first start completes {@code firstDecision}: true
     * once the task runs, exceptionally if the engine fails before, and then no restart is tried.
     */
    void runWhile(LeadershipTerm current, CompletableFuture<Boolean> firstDecision) {
        int failuresInARow = 0;
        while (!current.isOver()) {
            long startedAt = System.nanoTime();
            Throwable failure = runOnce(current, firstDecision);
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
            if (current.awaitEnd(delay)) {
                return;
            }
        }
    }

    /** Runs one engine until it stops; returns its failure, if any. */
    private Throwable runOnce(LeadershipTerm current, CompletableFuture<Boolean> firstDecision) {
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
                            log.warn("Outbox relay '{}' engine ended: {}", config.name(), message);
                        } else {
                            outcome.complete(null);
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

    /** Asks the running engine, if any, to stop; it commits the offsets of every acknowledged batch first. */
    void stop() {
        DebeziumEngine<RecordChangeEvent<SourceRecord>> current;
        synchronized (engineLock) {
            current = engine;
        }
        if (current == null) {
            return;
        }
        try {
            current.close();
        } catch (IllegalStateException alreadyStopping) {
            // asked again while it stops (lock checks repeat the request): expected
            log.debug("Outbox relay '{}': {}", config.name(), alreadyStopping.getMessage());
        } catch (IOException | RuntimeException e) {
            log.warn("Outbox relay '{}': closing the Debezium engine failed: {}", config.name(), e.toString());
        }
    }

    static Duration restartDelay(int failuresInARow) {
        long millis = MIN_RESTART_DELAY.toMillis() << Math.min(Math.max(failuresInARow - 1, 0), 10);
        return Duration.ofMillis(Math.min(millis, MAX_RESTART_DELAY.toMillis()));
    }
}
