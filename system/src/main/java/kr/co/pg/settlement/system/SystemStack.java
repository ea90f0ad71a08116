package kr.co.pg.settlement.system;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import kr.co.pg.settlement.collector.CollectorApplication;
import kr.co.pg.settlement.gateway.GatewayApplication;
import kr.co.pg.settlement.poller.PollerApplication;
import kr.co.pg.settlement.simulator.KisSimulatorApplication;
import kr.co.pg.settlement.system.launch.ManagementAccess;
import kr.co.pg.settlement.system.launch.ServiceHandle;
import kr.co.pg.settlement.system.launch.ServiceLauncher;
import kr.co.pg.settlement.system.launch.ServiceSpec;
import kr.co.pg.settlement.system.launch.ServiceSpec.Secret;

/**
 * The whole system on given infrastructure: the KIS simulator, the collector, the gateway and the poller,
 * each started through a {@link ServiceLauncher} with its configuration. The collector, the gateway and the
 * poller can run as several instances (replicas: the same consumer groups, database and settings; each with
 * its own port, local state directory and binlog client id). Every service can be stopped and started again
 * (restart tests). Property names are the services' own yml keys; secrets are passed apart (see
 * {@link ServiceSpec.Secret}), each under the environment variable its service's yml reads.
 */
public final class SystemStack implements AutoCloseable {

    static final String SIMULATOR = "kis-simulator";
    static final String COLLECTOR = "collector-service";
    static final String GATEWAY = "kis-gateway-service";
    static final String POLLER = "status-poller-service";

    /** Where the stack runs and how it is tuned. */
    public record Options(String kafkaBootstrap, String dbHost, int dbPort, String dbUser, String dbPassword,
                          String settlementDatabase, String pollerDatabase, Path stateDir, String kisClientId,
                          String kisSecret, int simulatorPort, int collectorPort, int registrationFileSize,
                          int settlementFileSize, String simulatorDelay, String pollInterval,
                          Map<String, Map<String, String>> serviceProperties) {

        /** {@code serviceProperties}: per service name, properties that override its own (tuning for tests). */
        public Options {
            serviceProperties = Map.copyOf(serviceProperties);
        }

        Map<String, String> extra(String service) {
            return serviceProperties.getOrDefault(service, Map.of());
        }
    }

    private final Options options;
    private final ServiceLauncher launcher;
    private final int instances;
    private final ManagementAccess management;
    private final long outboxServerId = 5400 + ThreadLocalRandom.current().nextInt(1000);
    private ServiceHandle simulator;
    private final List<ServiceHandle> collectors = new ArrayList<>();
    private final List<ServiceHandle> gateways = new ArrayList<>();
    private final List<ServiceHandle> pollers = new ArrayList<>();

    /** One instance of each service. */
    public SystemStack(Options options, ServiceLauncher launcher) {
        this(options, launcher, 1);
    }

    /**
     * {@code instancesPerService} instances of the collector, the gateway and the poller; one simulator. The services'
     * management credential: SETTLEMENT_MANAGEMENT_USER/PASSWORD of this JVM's environment, else a random one.
     */
    public SystemStack(Options options, ServiceLauncher launcher, int instancesPerService) {
        this(options, launcher, instancesPerService, ManagementAccess.fromEnvironmentOrRandom(System.getenv()));
    }

    /** {@code management}: the credential of the services' HTTP endpoints (day report, metrics; SECURITY.md). */
    public SystemStack(Options options, ServiceLauncher launcher, int instancesPerService, ManagementAccess management) {
        if (instancesPerService < 1) {
            throw new IllegalArgumentException("instances per service must be at least 1, not " + instancesPerService);
        }
        this.options = options;
        this.launcher = launcher;
        this.instances = instancesPerService;
        this.management = management;
    }

    public SystemStack startAll() {
        startSimulator();
        startCollector();
        startGateway();
        startPoller();
        return this;
    }

    public void startSimulator() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("server.port", String.valueOf(options.simulatorPort()));
        p.put("kis.simulator.state-dir", options.stateDir().resolve(SIMULATOR).toString());
        p.put("kis.simulator.processing-delay", options.simulatorDelay());
        p.putAll(options.extra(SIMULATOR));
        // a map entry keyed by client id: no variable of its own in the simulator's yml
        List<Secret> secrets = List.of(new Secret("kis.simulator.clients." + options.kisClientId(), null,
                options.kisSecret()));
        simulator = launcher.launch(new ServiceSpec(SIMULATOR, SIMULATOR, KisSimulatorApplication.class, p, secrets));
    }

    /** Starts every collector instance. */
    public void startCollector() {
        startInstances(COLLECTOR, CollectorApplication.class, collectors, (i, p) -> {
            p.put("server.port", String.valueOf(i == 1 ? options.collectorPort() : 0));
            database(p, options.settlementDatabase());
            p.put("settlement.collector.registration-file-size", String.valueOf(options.registrationFileSize()));
            p.put("settlement.collector.settlement-file-size", String.valueOf(options.settlementFileSize()));
            p.put("settlement.outbox.state-dir", stateDir("collector-outbox", i).toString());
            // the binlog client id must be unique among the server's replicas (MariaDB drops a duplicate's stream)
            p.put("settlement.outbox.server-id", String.valueOf(outboxServerId + i - 1));
        }, List.of(new Secret("spring.datasource.password", "SETTLEMENT_DB_PASSWORD", options.dbPassword())));
    }

    /** Starts every gateway instance. */
    public void startGateway() {
        startInstances(GATEWAY, GatewayApplication.class, gateways, (i, p) -> kis(p), List.of(kisSecret()));
    }

    /** Starts every poller instance. */
    public void startPoller() {
        startInstances(POLLER, PollerApplication.class, pollers, (i, p) -> {
            database(p, options.pollerDatabase());
            p.put("settlement.poller.interval", options.pollInterval());
            p.put("settlement.poller.work-dir", stateDir("poller", i).toString());
            kis(p);
        }, List.of(new Secret("spring.datasource.password", "POLLER_DB_PASSWORD", options.dbPassword()), kisSecret()));
    }

    /**
     * Every instance of a service, kept in {@code handles}: Kafka, the service's own properties of instance i (from
     * 1), the extra ones of the options, its secrets and the management credential.
     */
    private void startInstances(String service, Class<?> application, List<ServiceHandle> handles,
                                BiConsumer<Integer, Map<String, String>> properties, List<Secret> secrets) {
        for (int i = 1; i <= instances; i++) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("spring.kafka.bootstrap-servers", options.kafkaBootstrap());
            // one broker here: the production default (replication 3, min.insync 2) cannot be created
            p.put("settlement.kafka.topic-replication", "1");
            properties.accept(i, p);
            p.putAll(options.extra(service));
            List<Secret> all = new ArrayList<>(secrets);
            all.add(management.applyTo(p));
            handles.add(launcher.launch(new ServiceSpec(service, instanceName(service, i), application, p, all)));
        }
    }

    private void database(Map<String, String> p, String database) {
        p.put("spring.datasource.url", "jdbc:mariadb://" + options.dbHost() + ":" + options.dbPort() + "/" + database);
        p.put("spring.datasource.username", options.dbUser());
    }

    private void kis(Map<String, String> p) {
        p.put("kis.base-url", simulatorUrl());
        // the local simulator speaks plain HTTP (KIS itself: https only)
        p.put("kis.allow-plain-http", "true");
        p.put("kis.client-id", options.kisClientId());
    }

    private Secret kisSecret() {
        return new Secret("kis.secret", "KIS_SECRET", options.kisSecret());
    }

    /** The first instance keeps the plain name (and the demo's kept state); others get "-{i}". */
    private String instanceName(String service, int i) {
        return instances == 1 ? service : service + "-" + i;
    }

    private Path stateDir(String name, int i) {
        return options.stateDir().resolve(i == 1 ? name : name + "-" + i);
    }

    public String simulatorUrl() {
        return "http://127.0.0.1:" + simulator.port();
    }

    public String collectorUrl() {
        return "http://127.0.0.1:" + collector().port();
    }

    public int instancesPerService() {
        return instances;
    }

    public ServiceHandle simulator() {
        return simulator;
    }

    /** The first collector instance (null while stopped). */
    public ServiceHandle collector() {
        return collectors.isEmpty() ? null : collectors.get(0);
    }

    public ServiceHandle gateway() {
        return gateways.isEmpty() ? null : gateways.get(0);
    }

    public ServiceHandle poller() {
        return pollers.isEmpty() ? null : pollers.get(0);
    }

    public List<ServiceHandle> collectors() {
        return List.copyOf(collectors);
    }

    public List<ServiceHandle> gateways() {
        return List.copyOf(gateways);
    }

    public List<ServiceHandle> pollers() {
        return List.copyOf(pollers);
    }

    /** Every running instance, grouped by service: collectors, gateways, pollers, then the simulator. */
    public Map<String, List<ServiceHandle>> services() {
        Map<String, List<ServiceHandle>> all = new LinkedHashMap<>();
        all.put(COLLECTOR, collectors());
        all.put(GATEWAY, gateways());
        all.put(POLLER, pollers());
        all.put(SIMULATOR, simulator == null ? List.of() : List.of(simulator));
        return all;
    }

    public void stopGateway() {
        stopAll(gateways);
    }

    public void stopPoller() {
        stopAll(pollers);
    }

    public void stopCollector() {
        stopAll(collectors);
    }

    public void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
        simulator = null;
    }

    /** kill -9 of every collector instance (child processes only); {@link #startCollector()} starts them again. */
    public void killCollector() {
        killAll(collectors);
    }

    /** kill -9 of every gateway instance (child processes only); {@link #startGateway()} starts them again. */
    public void killGateway() {
        killAll(gateways);
    }

    /** kill -9 of every poller instance (child processes only); {@link #startPoller()} starts them again. */
    public void killPoller() {
        killAll(pollers);
    }

    private static void killAll(List<ServiceHandle> handles) {
        handles.forEach(ServiceHandle::kill);
        handles.clear();
    }

    private static void stopAll(List<ServiceHandle> handles) {
        // the last started first; every instance is stopped even when one fails to stop
        RuntimeException failure = null;
        for (int i = handles.size() - 1; i >= 0; i--) {
            try {
                handles.get(i).close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        handles.clear();
        if (failure != null) {
            throw failure;
        }
    }

    public Options options() {
        return options;
    }

    /** The credential the services' day report and metrics answer to. */
    public ManagementAccess management() {
        return management;
    }

    @Override
    public void close() {
        stopPoller();
        stopGateway();
        stopCollector();
        stopSimulator();
    }
}
