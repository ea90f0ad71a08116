package kr.co.pg.settlement.system.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.localstack.LocalStack;
import kr.co.pg.settlement.localstack.MariaDbServer;
import kr.co.pg.settlement.system.Kickoffs;
import kr.co.pg.settlement.system.SettlementDb;
import kr.co.pg.settlement.system.SystemStack;
import kr.co.pg.settlement.system.launch.ServiceLauncher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Infrastructure of the fault suite, every part a process of its own: a Kafka broker JVM ({@link BrokerProcess}),
 * local-stack's mariadbd ({@link MariaDbRestarts}), the KIS simulator and each service in a child JVM
 * ({@link ServiceLauncher#childProcesses}), the gateway talking to KIS through a {@link KisProxy}.
 */
final class FaultSystem implements AutoCloseable {

    static final String CLIENT_ID = "PG00000001";
    static final int HEAP_MB = 512;

    final Path work;
    final BrokerProcess broker;
    final MariaDbServer mariaDb;
    final MariaDbRestarts mariaDbRestarts;
    private final Admin admin;

    FaultSystem() {
        try {
            work = Files.createTempDirectory("fault-suite");
            Files.createDirectories(work.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = new BrokerProcess(work);
        broker.start();
        mariaDb = LocalStack.mariaDb();
        mariaDbRestarts = new MariaDbRestarts(mariaDb, work.resolve("logs").resolve("mariadbd-restarted.log"));
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        admin = Admin.create(p);
    }

    /** One stack (its own databases, simulator, proxy and state) on this infrastructure. */
    final class Stack implements AutoCloseable {
        final String name;
        final SystemStack system;
        final KisProxy proxy;
        final SettlementDb db;
        final SimAdmin simulator;
        final Kickoffs kickoffs;

        Stack(String name, int instances) {
            this.name = name;
            String settlementDatabase = "faults_" + name + "_settlement";
            String pollerDatabase = "faults_" + name + "_poller";
            mariaDb.dropDatabase(settlementDatabase);
            mariaDb.dropDatabase(pollerDatabase);
            mariaDb.createDatabase(settlementDatabase);
            mariaDb.createDatabase(pollerDatabase);
            int simulatorPort = ServiceLauncher.freePort();
            try {
                proxy = new KisProxy(simulatorPort);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // the same settings for every replica; each replica has only its own port and local state
            Map<String, String> consumers = Map.of(
                    // a killed instance leaves its groups after this, not the default 45 s
                    "spring.kafka.consumer.properties.session.timeout.ms", "10000",
                    "spring.kafka.consumer.properties.heartbeat.interval.ms", "2000");
            Map<String, String> gateway = new HashMap<>(consumers);
            gateway.putAll(Map.of("kis.base-url", proxy.url(),
                    // an answer KIS does not give within this is lost (the timeouts-after-acceptance fault)
                    "kis.response-timeout", "5s",
                    // recover within seconds once KIS is back (production waits up to a minute)
                    "settlement.gateway.retry.max-interval", "2s",
                    "resilience4j.circuitbreaker.instances.kis.wait-duration-in-open-state", "2s",
                    "resilience4j.retry.instances.kis.max-attempts", "3"));
            Map<String, String> poller = new HashMap<>(consumers);
            poller.putAll(Map.of("settlement.poller.max-backoff", "2s",
                    // a restarted poller is a new claim owner: the receipts its killed predecessor had claimed wait
                    // for this lease (default 10 min; docs/reliability.md, "Fault suite", F2)
                    "settlement.poller.claim-lease", "20s",
                    "resilience4j.circuitbreaker.instances.kis.wait-duration-in-open-state", "2s"));
            Path state = work.resolve(name);
            SystemStack.Options options = new SystemStack.Options(broker.bootstrapServers(), mariaDb.host(),
                    mariaDb.port(), mariaDb.username(), mariaDb.password(), settlementDatabase, pollerDatabase, state,
                    CLIENT_ID, "fault-suite-key-" + Long.toHexString(System.nanoTime()), simulatorPort, 0, 100,
                    FaultSuiteTest.FILE_SIZE, "PT0.5S", "PT0.5S",
                    Map.of("collector-service", consumers, "kis-gateway-service", gateway, "status-poller-service", poller));
            system = new SystemStack(options, ServiceLauncher.childProcesses(HEAP_MB, work.resolve("logs").resolve(name)),
                    instances);
            system.startAll();
            db = new SettlementDb(SettlementDb.dataSource(mariaDb.host(), mariaDb.port(), settlementDatabase,
                    mariaDb.username(), mariaDb.password()));
            simulator = new SimAdmin(system.simulatorUrl());
            kickoffs = new Kickoffs(broker.bootstrapServers(), "fault-suite");
        }

        /** Starts again whatever service a scenario left killed. */
        void ensureRunning() {
            if (system.collector() == null) {
                system.startCollector();
            }
            if (system.gateway() == null) {
                system.startGateway();
            }
            if (system.poller() == null) {
                system.startPoller();
            }
        }

        @Override
        public void close() {
            kickoffs.close();
            system.close();
            proxy.close();
        }
    }

    /** Records in the three dead-letter topics. */
    long deadLetters() {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : List.of(Topics.DLT_COLLECTOR, Topics.DLT_GATEWAY, Topics.DLT_POLLER)) {
            latest.put(new TopicPartition(topic, 0), OffsetSpec.latest());
        }
        try {
            return admin.listOffsets(latest).all().get(60, TimeUnit.SECONDS).values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the dead-letter topics: " + e, e);
        }
    }

    /** Whether a consumer group has committed every record of a topic. */
    boolean caughtUp(String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(30, TimeUnit.SECONDS);
            return ends.entrySet().stream().allMatch(e -> {
                OffsetAndMetadata c = committed.get(e.getKey());
                return e.getValue().offset() == 0 || (c != null && c.offset() >= e.getValue().offset());
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    static void pause(Duration d) {
        MariaDbRestarts.pause(d);
    }

    static void awaitTrue(String what, Duration atMost, java.util.concurrent.Callable<Boolean> condition) {
        await(what).atMost(atMost).pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(condition);
    }

    static String basic(LocalDate d) {
        return d.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    }

    @Override
    public void close() {
        admin.close();
        mariaDbRestarts.close();
        broker.close();
        // the broker's logs are large; the services' logs stay for a look after a failure
        try {
            deleteRecursively(work.resolve("kafka"));
        } catch (IOException e) {
            System.err.println("could not delete " + work.resolve("kafka") + ": " + e);
        }
        System.out.println("fault suite logs: " + work.resolve("logs"));
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
