package kr.co.pg.settlement.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kis.simulator.security.*}: where the clients' HMAC keys come from and how a key rotation overlaps. The
 * current keys are {@code kis.simulator.clients.<clientId>} (from {@code ${KIS_SECRET}}) unless a key file is
 * named here. TLS is Spring Boot's {@code server.ssl.*} (see kis-simulator.yml).
 *
 * @param secretFiles               client id -> file holding its current key, re-read when the file changes; a
 *                                  key replaced this way stays accepted for {@code keyOverlap}
 * @param keyOverlap                how long a replaced key is still accepted (default 1 h)
 * @param previousSecrets           client id -> a previous key still accepted at start (restart during a rotation)
 * @param previousSecretsValidUntil until when the {@code previousSecrets} are accepted
 */
@ConfigurationProperties("kis.simulator.security")
public record SimulatorSecurityProperties(Map<String, String> secretFiles, Duration keyOverlap,
                                          Map<String, String> previousSecrets, Instant previousSecretsValidUntil) {

    public SimulatorSecurityProperties {
        secretFiles = secretFiles == null ? Map.of() : secretFiles;
        keyOverlap = keyOverlap == null ? Duration.ofHours(1) : keyOverlap;
        previousSecrets = previousSecrets == null ? Map.of() : previousSecrets;
    }

    @Override
    public String toString() {
        return "SimulatorSecurityProperties[secretFiles=" + secretFiles + ", keyOverlap=" + keyOverlap
                + ", previousSecrets=" + previousSecrets.keySet() + " (***), previousSecretsValidUntil="
                + previousSecretsValidUntil + "]";
    }
}
