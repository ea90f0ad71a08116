package kr.co.pg.settlement.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kr.co.pg.settlement.system.launch.ManagementAccess;
import kr.co.pg.settlement.system.launch.ServiceHandle;
import kr.co.pg.settlement.system.launch.ServiceLauncher;
import kr.co.pg.settlement.system.launch.ServiceSpec;
import org.junit.jupiter.api.Test;

/** What the stack asks its launcher to start: replicas as a second instance of a service would be configured. */
class SystemStackTest {

    private static final SystemStack.Options OPTIONS = new SystemStack.Options("127.0.0.1:19092", "127.0.0.1", 13306,
            "root", "db-secret-1", "settlement", "kis_poller", Path.of("/state"), "PG00000001", "kis-secret-2", 18090,
            18080, 1000, 5000, "PT0.5S", "PT1S", Map.of());

    @Test
    void twoInstancesShareGroupsAndSettingsButNotPortsStateOrBinlogClientId() {
        RecordingLauncher launcher = new RecordingLauncher();
        SystemStack stack = new SystemStack(OPTIONS, launcher, 2).startAll();

        assertThat(launcher.specs.stream().map(ServiceSpec::instanceName)).containsExactly("kis-simulator",
                "collector-service-1", "collector-service-2", "kis-gateway-service-1", "kis-gateway-service-2",
                "status-poller-service-1", "status-poller-service-2");
        Map<String, ServiceSpec> byName = launcher.specs.stream()
                .collect(Collectors.toMap(ServiceSpec::instanceName, Function.identity()));
        Map<String, String> c1 = byName.get("collector-service-1").properties();
        Map<String, String> c2 = byName.get("collector-service-2").properties();
        assertThat(c1.get("server.port")).isEqualTo("18080");
        assertThat(c2.get("server.port")).isEqualTo("0");
        assertThat(c1.get("settlement.outbox.state-dir")).isEqualTo(Path.of("/state/collector-outbox").toString());
        assertThat(c2.get("settlement.outbox.state-dir")).isEqualTo(Path.of("/state/collector-outbox-2").toString());
        assertThat(Long.parseLong(c2.get("settlement.outbox.server-id")))
                .isEqualTo(Long.parseLong(c1.get("settlement.outbox.server-id")) + 1);
        assertThat(byName.get("status-poller-service-2").properties().get("settlement.poller.work-dir"))
                .isEqualTo(Path.of("/state/poller-2").toString());
        // the rest is the same: one configuration per service, the same database and settings
        assertThat(without(c1, "server.port", "settlement.outbox.state-dir", "settlement.outbox.server-id"))
                .isEqualTo(without(c2, "server.port", "settlement.outbox.state-dir", "settlement.outbox.server-id"));
        assertThat(byName.get("kis-gateway-service-1").properties()).isEqualTo(byName.get("kis-gateway-service-2").properties());
        assertThat(byName.get("collector-service-2").configName()).isEqualTo("collector-service");
        assertThat(stack.collectors()).hasSize(2);
        assertThat(stack.collectorUrl()).isEqualTo("http://127.0.0.1:18080");

        stack.close();
        assertThat(launcher.closed).hasSize(7);
        assertThat(stack.collector()).isNull();
    }

    @Test
    void secretsAreNeverPlainPropertiesAndNameTheVariablesTheServicesRead() {
        RecordingLauncher launcher = new RecordingLauncher();
        ManagementAccess management = new ManagementAccess("ops", "management-secret-3");
        new SystemStack(OPTIONS, launcher, 1, management).startAll();

        for (ServiceSpec spec : launcher.specs) {
            assertThat(spec.properties().values()).noneMatch(v -> v.contains("db-secret-1") || v.contains("kis-secret-2")
                    || v.contains("management-secret-3"));
        }
        // the services' HTTP endpoints: the user among the properties, its password a secret (never the simulator's)
        assertThat(launcher.specs).filteredOn(spec -> !spec.configName().equals("kis-simulator")).allSatisfy(spec -> {
            assertThat(spec.properties()).containsEntry("settlement.management.user", "ops");
            assertThat(spec.secrets()).anySatisfy(secret -> assertThat(secret.value()).isEqualTo("management-secret-3"));
        });
        Map<String, List<String>> variables = launcher.specs.stream().collect(Collectors.toMap(ServiceSpec::instanceName,
                s -> s.secrets().stream().map(x -> String.valueOf(x.environmentVariable())).toList()));
        assertThat(variables).containsEntry("collector-service", List.of("SETTLEMENT_DB_PASSWORD", "SETTLEMENT_MANAGEMENT_PASSWORD"))
                .containsEntry("kis-gateway-service", List.of("KIS_SECRET", "SETTLEMENT_MANAGEMENT_PASSWORD"))
                .containsEntry("status-poller-service", List.of("POLLER_DB_PASSWORD", "KIS_SECRET",
                        "SETTLEMENT_MANAGEMENT_PASSWORD"))
                .containsEntry("kis-simulator", List.of("null")); // a map entry: SPRING_APPLICATION_JSON
        assertThat(launcher.specs.get(0).secrets().get(0).property()).isEqualTo("kis.simulator.clients.PG00000001");
    }

    private static Map<String, String> without(Map<String, String> properties, String... keys) {
        Map<String, String> copy = new java.util.HashMap<>(properties);
        for (String key : keys) {
            copy.remove(key);
        }
        return copy;
    }

    private static final class RecordingLauncher implements ServiceLauncher {
        final List<ServiceSpec> specs = new ArrayList<>();
        final List<String> closed = new ArrayList<>();

        @Override
        public ServiceHandle launch(ServiceSpec spec) {
            specs.add(spec);
            int port = Integer.parseInt(spec.properties().getOrDefault("server.port", "0"));
            return new ServiceHandle() {
                @Override
                public String name() {
                    return spec.instanceName();
                }

                @Override
                public int port() {
                    return port;
                }

                @Override
                public long peakHeapBytes() {
                    return -1;
                }

                @Override
                public void close() {
                    closed.add(spec.instanceName());
                }
            };
        }
    }
}
