package kr.co.pg.settlement.system.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.system.launch.ServiceSpec.Secret;
import org.junit.jupiter.api.Test;

class ChildProcessLauncherTest {

    private static final String DB_PASSWORD = "db-pw-7f3a9c";
    private static final String KIS_SECRET = "kis-hmac-key-42b1e8";

    private static final ServiceSpec POLLER = new ServiceSpec("status-poller-service", "status-poller-service-2",
            ChildProcessLauncherTest.class, Map.of("spring.datasource.url", "jdbc:mariadb://127.0.0.1:3306/kis_poller",
            "spring.datasource.username", "root", "kis.client-id", "PG00000001", "server.port", "0"),
            List.of(new Secret("spring.datasource.password", "POLLER_DB_PASSWORD", DB_PASSWORD),
                    new Secret("kis.secret", "KIS_SECRET", KIS_SECRET)));
    private static final ServiceSpec SIMULATOR = new ServiceSpec("kis-simulator", "kis-simulator",
            ChildProcessLauncherTest.class, Map.of("kis.simulator.processing-delay", "PT0.5S"),
            List.of(new Secret("kis.simulator.clients.PG00000001", null, KIS_SECRET)));

    @Test
    void noSecretValueIsOnTheCommandLine() {
        for (ServiceSpec spec : List.of(POLLER, SIMULATOR)) {
            List<String> command = command(spec, null);

            assertThat(command).noneMatch(arg -> arg.contains(DB_PASSWORD) || arg.contains(KIS_SECRET));
            assertThat(command).noneMatch(arg -> arg.contains("password") || arg.contains("secret")
                    || arg.contains("clients."));
        }
        assertThat(command(POLLER, null)).contains("--spring.datasource.username=root",
                "--spring.config.name=status-poller-service", "--server.port=18082");
    }

    @Test
    void secretsGoToTheVariablesTheServicesRead() {
        assertThat(ChildProcessLauncher.secretEnvironment(POLLER))
                .containsExactly(Map.entry("POLLER_DB_PASSWORD", DB_PASSWORD), Map.entry("KIS_SECRET", KIS_SECRET));

        Map<String, String> simulator = ChildProcessLauncher.secretEnvironment(SIMULATOR);
        assertThat(simulator).containsOnlyKeys("SPRING_APPLICATION_JSON");
        // a map key keeps its case (relaxed binding of a variable name would lower-case it)
        assertThat(EventJson.mapper().readValue(simulator.get("SPRING_APPLICATION_JSON"), Map.class))
                .isEqualTo(Map.of("kis.simulator.clients.PG00000001", KIS_SECRET));
    }

    @Test
    void aSecretAlsoGivenAsAPlainPropertyIsRefused() {
        ServiceSpec leaky = new ServiceSpec("collector-service", "collector-service", ChildProcessLauncherTest.class,
                Map.of("spring.datasource.url", "jdbc:mariadb://h/db?password=" + DB_PASSWORD),
                List.of(new Secret("spring.datasource.password", "SETTLEMENT_DB_PASSWORD", DB_PASSWORD)));

        assertThatThrownBy(() -> command(leaky, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.datasource.password").hasMessageNotContaining(DB_PASSWORD);
    }

    @Test
    void profilingRecordsEachInstanceUnderItsOwnName() {
        Path recording = Path.of("/logs/status-poller-service-2.jfr");

        assertThat(command(POLLER, recording)).contains(
                "-XX:StartFlightRecording=filename=/logs/status-poller-service-2.jfr,settings=profile,dumponexit=true");
        assertThat(command(POLLER, null)).noneMatch(arg -> arg.contains("FlightRecording"));
    }

    @Test
    void peakResidentSetComesFromVmHwm() {
        String status = "Name:\tjava\nVmPeak:\t 3000000 kB\nVmSize:\t 2900000 kB\nVmHWM:\t  612345 kB\nVmRSS:\t  600000 kB\n";

        assertThat(ChildProcessLauncher.peakRssFromProcStatus(status)).isEqualTo(612_345L * 1024);
        assertThat(ChildProcessLauncher.peakRssFromProcStatus("Name:\tjava\n")).isEqualTo(-1);
    }

    @Test
    void peakHeapIsTheLargestHeapInUseBeforeACollection() {
        assertThat(ChildProcessLauncher.peakFromGcLog(List.of(
                "[1.2s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 25M->5M(256M) 3.1ms",
                "[9.8s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 301M->120M(512M) 12.0ms",
                "[12.0s][info][gc] GC(8) Pause Young (Normal) (G1 Evacuation Pause) 200M->90M(512M) 8.0ms")))
                .isEqualTo(301L * 1024 * 1024);
    }

    private static List<String> command(ServiceSpec spec, Path recording) {
        return ChildProcessLauncher.command(Path.of("/jdk/bin/java"), "a.jar:b.jar", 512, Path.of("/logs/gc.log"),
                recording, spec, 18082);
    }
}
