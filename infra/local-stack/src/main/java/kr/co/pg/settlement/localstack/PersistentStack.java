package kr.co.pg.settlement.localstack;

/** MariaDB and Kafka started by {@link LocalStack#startPersistent}; {@link #close()} stops both cleanly. */
public final class PersistentStack implements AutoCloseable {

    private final EmbeddedMariaDb mariaDb;
    private final EmbeddedKafka kafka;
    private final java.util.Deque<AutoCloseable> dependents = new java.util.ArrayDeque<>();
    private boolean closed;

    PersistentStack(EmbeddedMariaDb mariaDb, EmbeddedKafka kafka) {
        this.mariaDb = mariaDb;
        this.kafka = kafka;
    }

    public MariaDbServer mariaDb() {
        return mariaDb;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /**
     * Something that uses the stack (services) and must stop before it: closed first, last registered first, by
     * {@link #close()} and so also by the JVM-exit hook - services leave their consumer groups while Kafka is up.
     */
    public synchronized void closeFirst(AutoCloseable dependent) {
        dependents.push(dependent);
    }

    /** Stops what was registered with {@link #closeFirst}, then Kafka, then MariaDB. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!dependents.isEmpty()) {
            LocalStack.closeQuietly(dependents.pop());
        }
        LocalStack.closeQuietly(kafka);
        LocalStack.closeQuietly(mariaDb);
    }
}
