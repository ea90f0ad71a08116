package kr.co.pg.settlement.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test JVM killed hard (kill -9, surefire fork timeout) cannot run its shutdown hook: its mariadbd keeps running
 * and its temporary directories stay. Every temporary directory records the owning JVM's pid; the next start
 * stops what dead JVMs left behind.
 */
final class StaleServers {

    static final String MARIADB_PREFIX = "local-stack-mariadb-";
    static final String KAFKA_PREFIX = "local-stack-kafka-";
    private static final String OWNER_FILE = "owner.pid";
    private static final Logger log = LoggerFactory.getLogger(StaleServers.class);

    /**
     * A new temporary directory marked with this JVM's pid, so that {@link #cleanUp()} removes it once this JVM is
     * gone even if it never deletes it itself. {@code what}: for the error message.
     */
    static Path temporaryDirectory(String prefix, String what) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            markOwner(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for " + what, e);
        }
    }

    static void markOwner(Path dir) throws IOException {
        Files.writeString(dir.resolve(OWNER_FILE), String.valueOf(ProcessHandle.current().pid()));
    }

    static synchronized void cleanUp() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, "local-stack-*")) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if ((name.startsWith(MARIADB_PREFIX) || name.startsWith(KAFKA_PREFIX)) && ownerIsDead(dir)) {
                    stopLeftOverMariaDb(dir.resolve("data"));
                    MariaDbBinaries.deleteRecursively(dir);
                    log.info("removed {} left by a JVM that exited without cleaning up", dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("stale local-stack clean-up skipped: {}", e.toString());
        }
    }

    private static boolean ownerIsDead(Path dir) {
        Optional<Long> owner = readPid(dir.resolve(OWNER_FILE));
        return owner.isPresent() && ProcessHandle.of(owner.get()).map(p -> !p.isAlive()).orElse(true);
    }

    private static void stopLeftOverMariaDb(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try (DirectoryStream<Path> pidFiles = Files.newDirectoryStream(dataDir, "*.pid")) {
            for (Path pidFile : pidFiles) {
                readPid(pidFile).flatMap(ProcessHandle::of)
                        .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd")).orElse(false))
                        .ifPresent(p -> {
                            log.warn("stopping mariadbd pid {} left running by a dead JVM (data {})", p.pid(),
                                    dataDir);
                            p.destroy();
                            p.onExit().completeOnTimeout(p, 30, TimeUnit.SECONDS).join();
                            if (p.isAlive()) {
                                p.destroyForcibly();
                            }
                        });
            }
        }
    }

    private static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private StaleServers() {
    }
}
