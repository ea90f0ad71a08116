package kr.co.pg.settlement.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka 4.2 (KRaft, combined broker + controller) running inside this JVM, started from the
 * server classes directly (no test jars). The log directory is formatted only if it is not formatted yet, so a
 * kept directory (persistent mode) keeps its topics and records.
 */
final class EmbeddedKafka implements KafkaBroker, AutoCloseable {

    static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final KafkaRaftServer server;
    private final Path logDir;
    private final int port;
    private final boolean temporary;
    private final ScramSecurity security;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, Path logDir, int port, boolean temporary, ScramSecurity security) {
        this.server = server;
        this.logDir = logDir;
        this.port = port;
        this.temporary = temporary;
        this.security = security;
    }

    static EmbeddedKafka startTemporary() {
        return startTemporary(null);
    }

    /** {@code security} null: one PLAINTEXT listener; else one SASL_SSL listener with SCRAM and ACLs. */
    static EmbeddedKafka startTemporary(ScramSecurity security) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            Path dir = StaleServers.temporaryDirectory(StaleServers.KAFKA_PREFIX, "Kafka");
            try {
                return start(dir, EmbeddedMariaDb.freePort(), EmbeddedMariaDb.freePort(), true, security);
            } catch (RuntimeException e) {
                last = e; // most likely a free port taken between probe and bind: try other ports
                log.warn("Kafka start attempt {} failed: {}", attempt, e.toString());
                deleteQuietly(dir);
            }
        }
        throw last;
    }

    /** Keeps logs in {@code logDir}; the controller listens on {@code port + 1} unless given. */
    static EmbeddedKafka startPersistent(Path logDir, int port, int controllerPort) {
        return start(logDir, port, controllerPort, false, null);
    }

    private static EmbeddedKafka start(Path logDir, int port, int controllerPort, boolean temporary,
                                       ScramSecurity security) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka log directory " + logDir, e);
        }
        Properties props = config(logDir, port, controllerPort);
        if (security != null) {
            props.putAll(security.brokerConfig(HOST, port, controllerPort));
        }
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(logDir, security);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            shutdownQuietly(server);
            throw new IllegalStateException("Kafka did not start on " + HOST + ":" + port + " (controller port "
                    + controllerPort + ", logs " + logDir + "): " + e.getMessage(), e);
        }
        EmbeddedKafka kafka = new EmbeddedKafka(server, logDir, port, temporary, security);
        try {
            kafka.awaitReady();
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        log.info("Kafka ready on {} (logs {}) in {} ms", kafka.bootstrapServers(), logDir,
                (System.nanoTime() - started) / 1_000_000);
        return kafka;
    }

    private static Properties config(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("message.max.bytes", "33554432");
        p.put("replica.fetch.max.bytes", "33554432");
        p.put("auto.create.topics.enable", "true");
        // Small footprint: services under test share this JVM (heap < 512 MB).
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "2");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("server.max.startup.time.ms", "60000");
        return p;
    }

    private static void format(Path logDir, ScramSecurity security) {
        try {
            Formatter formatter = new Formatter();
            if (security != null) {
                // the broker's own SCRAM user must exist before it starts: it logs in to itself with it
                formatter.setScramArguments(List.of(security.formatterScramArgument()));
            }
            formatter
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toAbsolutePath().toString()))
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka log directory " + logDir + ": " + e.getMessage(), e);
        }
    }

    /** startup() returns before the broker is unfenced; wait until it answers a metadata request. */
    private void awaitReady() {
        long deadline = System.currentTimeMillis() + 60_000;
        Exception lastError = null;
        Map<String, Object> adminConfig = new HashMap<>(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
        if (security != null) {
            adminConfig.putAll(security.adminClientConfig());
        }
        try (Admin admin = Admin.create(adminConfig)) {
            while (System.currentTimeMillis() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
                        admin.listTopics().names().get(10, TimeUnit.SECONDS);
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Kafka", e);
                } catch (Exception e) {
                    lastError = e;
                }
                EmbeddedMariaDb.pause(100);
            }
        }
        throw new IllegalStateException("Kafka on " + bootstrapServers() + " did not become ready within 60 s: "
                + lastError);
    }

    @Override
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        shutdownQuietly(server);
        if (temporary) {
            deleteQuietly(logDir);
        }
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("Kafka shutdown: {}", e.toString());
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            MariaDbBinaries.deleteRecursively(dir);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", dir, e.toString());
        }
    }
}
