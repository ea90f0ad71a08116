package kr.co.pg.settlement.simulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import kr.co.pg.settlement.kis.client.KisClient;
import kr.co.pg.settlement.kis.client.KisClientConfig;
import kr.co.pg.settlement.kis.client.NotFound;
import kr.co.pg.settlement.kis.client.Unauthorized;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ApplicationArguments;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator the services' tests embed gets its key as a property source, never among its arguments. */
class EmbeddedKisSimulatorTest {

    private static final String SECRET = "embedded-key-7e2f90c3ab";

    @TempDir
    Path tmp;

    @Test
    void the_key_is_not_an_argument_and_requests_signed_with_it_pass() {
        try (EmbeddedKisSimulator simulator = EmbeddedKisSimulator.start(tmp, SECRET, Duration.ofMillis(200))) {
            ConfigurableApplicationContext context = simulator.context();
            String[] arguments = context.getBean(ApplicationArguments.class).getSourceArgs();
            assertThat(arguments).isNotEmpty().noneMatch(a -> a.contains(SECRET));
            PropertySource<?> commandLine = context.getEnvironment().getPropertySources().get("commandLineArgs");
            assertThat(commandLine).isNotNull();
            assertThat(commandLine.getProperty("kis.simulator.clients." + EmbeddedKisSimulator.CLIENT_ID)).isNull();
            assertThat(Arrays.toString(arguments) + context.getEnvironment().getPropertySources().toString())
                    .doesNotContain(SECRET);

            try (KisClient right = client(simulator, SECRET); KisClient wrong = client(simulator, "other-key")) {
                assertThat(right.status("R1ABCDEFGHIJ01234567").block()).isInstanceOf(NotFound.class);
                assertThat(wrong.status("R1ABCDEFGHIJ01234567").block()).isInstanceOf(Unauthorized.class);
            }
        }
    }

    private static KisClient client(EmbeddedKisSimulator simulator, String key) {
        return new KisClient(KisClientConfig.withDefaults(simulator.baseUrl(), EmbeddedKisSimulator.CLIENT_ID, key),
                Clock.systemUTC());
    }
}
