package kr.co.pg.settlement.localstack;

/** MariaDB and Kafka started by {@link LocalStack#startPersistent}; {@link #close()} stops both cleanly. */
public final class PersistentStack implements AutoCloseable {

    private final EmbeddedMariaDb mariaDb;
    private final EmbeddedKafka kafka;
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

    /** Stops Kafka, then MariaDB. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LocalStack.closeQuietly(kafka);
        LocalStack.closeQuietly(mariaDb);
    }
}
