package kr.co.pg.settlement.outbox;

import java.util.Properties;

/** Debezium embedded engine + MariaDB connector settings for one outbox relay. */
final class DebeziumProperties {

    /**
     * Bounds the connector's in-memory queue: an S1 file's outbox payload is about 4 MB, and the queue is admitted
     * while below the bound, so one payload larger than it still passes. 64 MB held 16 files in the collector's heap
     * at 2,000,000 rows; the relay's producer, not the queue, is what limits its pace (README, "Benchmarks").
     */
    static final long MAX_QUEUE_BYTES = 16L * 1024 * 1024;
    static final long HEARTBEAT_INTERVAL_MS = 10_000;

    private DebeziumProperties() {
    }

    /**
     * @param state where the offset store and the schema history keep their rows, and the lock that fences their
     *              writes (this instance's current lock session)
     */
    static Properties of(OutboxRelayConfig config, StateAccess state) {
        Properties p = new Properties();
        // engine
        p.setProperty("name", config.name());
        p.setProperty("connector.class", "io.debezium.connector.mariadb.MariaDbConnector");
        // offsets and schema history in the outbox database, shared by all instances of the relay
        p.setProperty("offset.storage", JdbcOffsetStore.class.getName());
        // the stores connect like every other relay connection: with the configured TLS
        StateAccess stores = new StateAccess(RelayDatabase.jdbcUrl(config), state.user(), state.password(),
                state.relayName(), state.lockName(), state.lockConnectionId(), state.holder());
        stores.putInto(p, JdbcOffsetStore.PREFIX);
        // offsets are committed after every batch (OffsetCommitPolicy.always() in OutboxRelay); the interval only
        // matters for the engine's own periodic checks
        p.setProperty("offset.flush.interval.ms", "1000");
        // while the outbox is idle the collector's other tables still fill the binlog: a heartbeat moves the
        // committed position along, so a takeover does not re-read hours of binlog and a purge cannot overtake it
        p.setProperty("heartbeat.interval.ms", Long.toString(HEARTBEAT_INTERVAL_MS));
        p.setProperty("offset.flush.timeout.ms", "10000");
        // Kafka 4.2's WorkerConfig no longer defaults bootstrap.servers (Debezium 3.5 was built on 4.1, see
        // debezium/debezium#7394). Nothing connects to it: offsets and schema history are in MariaDB.
        p.setProperty("bootstrap.servers", "unused.invalid:9092");
        // connection
        p.setProperty("database.hostname", config.dbHost());
        p.setProperty("database.port", Integer.toString(config.dbPort()));
        p.setProperty("database.user", config.dbUser());
        p.setProperty("database.password", config.dbPassword());
        p.setProperty("database.server.id", Long.toString(config.serverId()));
        config.tls().putInto(p);
        p.setProperty("connect.timeout.ms", "10000");
        p.setProperty("topic.prefix", config.name());
        // what is captured (include lists are regular expressions)
        p.setProperty("database.include.list", config.database());
        p.setProperty("table.include.list", config.database() + "\\." + config.table());
        p.setProperty("skipped.operations", "u,d,t");
        p.setProperty("include.schema.changes", "false");
        p.setProperty("tombstones.on.delete", "false");
        p.setProperty("binary.handling.mode", "bytes");
        p.setProperty("time.precision.mode", "adaptive_time_microseconds");
        // schema history: only the outbox table's DDL, next to the offsets
        p.setProperty("schema.history.internal", JdbcSchemaHistory.class.getName());
        stores.putInto(p, JdbcSchemaHistory.PREFIX);
        p.setProperty("schema.history.internal.store.only.captured.tables.ddl", "true");
        p.setProperty("schema.history.internal.store.only.captured.databases.ddl", "true");
        // snapshot only when there is no usable offset (first start, or the binlog position was purged):
        // rows may then be produced again (consumers dedupe by eventId), never lost. No table locks.
        p.setProperty("snapshot.mode", "when_needed");
        p.setProperty("snapshot.locking.mode", "none");
        // batching and memory
        p.setProperty("max.batch.size", Integer.toString(config.maxBatchSize()));
        p.setProperty("max.queue.size", Integer.toString(Math.max(config.maxBatchSize() * 4, 64)));
        p.setProperty("max.queue.size.in.bytes", Long.toString(MAX_QUEUE_BYTES));
        p.setProperty("poll.interval.ms", Long.toString(config.pollInterval().toMillis()));
        // one ordered pipeline: batches reach the relay in binlog order
        p.setProperty("record.processing.order", "ORDERED");
        p.setProperty("record.processing.threads", "1");
        return p;
    }
}
