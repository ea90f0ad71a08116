package kr.co.pg.settlement.system;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import kr.co.pg.settlement.collector.CollectorApplication;
import kr.co.pg.settlement.gateway.GatewayApplication;
import kr.co.pg.settlement.poller.PollerApplication;
import kr.co.pg.settlement.simulator.KisSimulatorApplication;
import kr.co.pg.settlement.system.launch.ServiceHandle;
import kr.co.pg.settlement.system.launch.ServiceLauncher;

/**
 * The whole system on given infrastructure: the KIS simulator, the collector, the gateway and the poller,
 * each started through a {@link ServiceLauncher} with its configuration. Every service can be stopped and
 * started again (restart tests). Property names are the services' own application.yml keys.
 */
public final class SystemStack implements AutoCloseable {

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
    private final long outboxServerId = 5400 + ThreadLocalRandom.current().nextInt(1000);
    private ServiceHandle simulator;
    private ServiceHandle collector;
    private ServiceHandle gateway;
    private ServiceHandle poller;

    public SystemStack(Options options, ServiceLauncher launcher) {
        this.options = options;
        this.launcher = launcher;
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
        p.put("kis.simulator.state-dir", options.stateDir().resolve("kis-simulator").toString());
        p.put("kis.simulator.clients." + options.kisClientId(), options.kisSecret());
        p.put("kis.simulator.processing-delay", options.simulatorDelay());
        p.putAll(options.extra("kis-simulator"));
        simulator = launcher.launch("kis-simulator", KisSimulatorApplication.class, p);
    }

    public void startCollector() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("server.port", String.valueOf(options.collectorPort()));
        p.put("spring.datasource.url", jdbcUrl(options.settlementDatabase()));
        p.put("spring.datasource.username", options.dbUser());
        p.put("spring.datasource.password", options.dbPassword());
        p.put("spring.kafka.bootstrap-servers", options.kafkaBootstrap());
        p.put("settlement.collector.registration-file-size", String.valueOf(options.registrationFileSize()));
        p.put("settlement.collector.settlement-file-size", String.valueOf(options.settlementFileSize()));
        p.put("settlement.outbox.state-dir", options.stateDir().resolve("collector-outbox").toString());
        p.put("settlement.outbox.server-id", String.valueOf(outboxServerId));
        p.putAll(options.extra("collector-service"));
        collector = launcher.launch("collector-service", CollectorApplication.class, p);
    }

    public void startGateway() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.kafka.bootstrap-servers", options.kafkaBootstrap());
        kis(p);
        p.putAll(options.extra("kis-gateway-service"));
        gateway = launcher.launch("kis-gateway-service", GatewayApplication.class, p);
    }

    public void startPoller() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", jdbcUrl(options.pollerDatabase()));
        p.put("spring.datasource.username", options.dbUser());
        p.put("spring.datasource.password", options.dbPassword());
        p.put("spring.kafka.bootstrap-servers", options.kafkaBootstrap());
        p.put("settlement.poller.interval", options.pollInterval());
        p.put("settlement.poller.work-dir", options.stateDir().resolve("poller").toString());
        kis(p);
        p.putAll(options.extra("status-poller-service"));
        poller = launcher.launch("status-poller-service", PollerApplication.class, p);
    }

    private void kis(Map<String, String> p) {
        p.put("kis.base-url", simulatorUrl());
        p.put("kis.client-id", options.kisClientId());
        p.put("kis.secret", options.kisSecret());
    }

    private String jdbcUrl(String database) {
        return "jdbc:mariadb://" + options.dbHost() + ":" + options.dbPort() + "/" + database;
    }

    public String simulatorUrl() {
        return "http://127.0.0.1:" + simulator.port();
    }

    public String collectorUrl() {
        return "http://127.0.0.1:" + collector.port();
    }

    public ServiceHandle simulator() {
        return simulator;
    }

    public ServiceHandle collector() {
        return collector;
    }

    public ServiceHandle gateway() {
        return gateway;
    }

    public ServiceHandle poller() {
        return poller;
    }

    public void stopGateway() {
        gateway = stop(gateway);
    }

    public void stopPoller() {
        poller = stop(poller);
    }

    public void stopCollector() {
        collector = stop(collector);
    }

    public void stopSimulator() {
        simulator = stop(simulator);
    }

    private static ServiceHandle stop(ServiceHandle handle) {
        if (handle != null) {
            handle.close();
        }
        return null;
    }

    public Options options() {
        return options;
    }

    @Override
    public void close() {
        stopPoller();
        stopGateway();
        stopCollector();
        stopSimulator();
    }
}
