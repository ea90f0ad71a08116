package kr.co.pg.settlement.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides between Testcontainers and the embedded servers. {@code LOCAL_STACK_MODE} (env) or
 * {@code localstack.mode} (system property) = {@code embedded} | {@code docker} forces one; otherwise Docker is
 * used when it answers. Without any sign of Docker, Testcontainers is not even asked (it would log errors).
 */
final class DockerSupport {

    private static final Logger log = LoggerFactory.getLogger(DockerSupport.class);
    private static Boolean useDocker;

    static synchronized boolean useDocker() {
        if (useDocker == null) {
            useDocker = decide();
            log.info("local-stack uses {}", useDocker ? "Testcontainers (Docker)" : "embedded MariaDB and Kafka");
        }
        return useDocker;
    }

    private static boolean decide() {
        String mode = System.getProperty("localstack.mode", System.getenv("LOCAL_STACK_MODE"));
        if (mode != null && !mode.isBlank()) {
            switch (mode.trim().toLowerCase(Locale.ROOT)) {
                case "embedded":
                    return false;
                case "docker":
                    return true;
                default:
                    throw new IllegalArgumentException("LOCAL_STACK_MODE / localstack.mode is '" + mode
                            + "'; use 'embedded' or 'docker' (or leave it unset to detect Docker)");
            }
        }
        boolean hint = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        if (!hint) {
            return false;
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) { // a broken Docker setup must never break the tests: fall back to embedded
            log.info("Docker not usable ({}); using embedded servers", e.toString());
            return false;
        }
    }

    private DockerSupport() {
    }
}
