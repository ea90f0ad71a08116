package kr.co.pg.settlement.simulator;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.co.pg.settlement.simulator.adapter.out.keys.KeyFile;
import kr.co.pg.settlement.simulator.application.Authenticator;
import kr.co.pg.settlement.simulator.application.KeyRing;
import kr.co.pg.settlement.simulator.application.KeySource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clients' keys (fixed or from key files, with the rotation overlap) and the signature check. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SimulatorSecurityProperties.class)
class SimulatorSecurityConfiguration {

    @Bean
    KeyRing keyRing(SimulatorProperties simulator, SimulatorSecurityProperties security,
                    @Qualifier("kisSimulatorClock") Clock clock) {
        Map<String, KeySource> sources = new LinkedHashMap<>();
        security.secretFiles().forEach((client, file) -> {
            if (file != null && !file.isBlank()) {
                sources.put(client, new KeyFile(Path.of(file.trim())));
            }
        });
        simulator.clients().forEach((client, secret) -> {
            if (sources.containsKey(client)) {
                return;
            }
            if (secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("kis.simulator.clients." + client + " has no secret: set KIS_SECRET,"
                        + " or name a key file in kis.simulator.security.secret-files." + client);
            }
            sources.put(client, KeySource.fixed(secret));
        });
        return new KeyRing(sources, security.previousSecrets(), security.previousSecretsValidUntil(),
                security.keyOverlap(), clock);
    }

    @Bean
    Authenticator authenticator(KeyRing keys, @Qualifier("kisSimulatorClock") Clock clock) {
        return new Authenticator(keys, clock);
    }
}
