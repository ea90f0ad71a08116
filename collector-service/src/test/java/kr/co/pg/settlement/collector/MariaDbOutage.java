package kr.co.pg.settlement.collector;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import kr.co.pg.settlement.localstack.MariaDbServer;

/**
 * An outage of this JVM's MariaDB (local-stack's embedded mariadbd, a child process): SIGKILL, then the same server
 * started again from the command line, working directory and library path it ran with (data directory and port
 * unchanged; InnoDB recovers as after a crash). Linux only (/proc). The restarted server is stopped at JVM exit.
 */
final class MariaDbOutage {

    private final MariaDbServer server;
    private List<String> command;
    private Path workingDir;
    private String libraryPath;

    MariaDbOutage(MariaDbServer server) {
        this.server = server;
    }

    void kill() {
        ProcessHandle mariadbd = ProcessHandle.current().descendants()
                .filter(p -> proc(p.pid(), "cmdline").contains("--port=" + server.port()))
                .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no mariadbd child on port " + server.port()));
        command = proc(mariadbd.pid(), "cmdline");
        libraryPath = proc(mariadbd.pid(), "environ").stream().filter(e -> e.startsWith("LD_LIBRARY_PATH="))
                .map(e -> e.substring("LD_LIBRARY_PATH=".length())).findFirst().orElse(null);
        try {
            workingDir = Files.readSymbolicLink(Path.of("/proc", String.valueOf(mariadbd.pid()), "cwd"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mariadbd.destroyForcibly();
        mariadbd.onExit().join();
    }

    void restart() {
        try {
            // a killed server leaves its socket and lock files behind; mariadbd does not start over them
            for (String arg : command) {
                if (arg.startsWith("--socket=")) {
                    Files.deleteIfExists(Path.of(arg.substring("--socket=".length())));
                    Files.deleteIfExists(Path.of(arg.substring("--socket=".length()) + ".lock"));
                }
            }
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            if (libraryPath != null) {
                builder.environment().put("LD_LIBRARY_PATH", libraryPath);
            }
            Process restarted = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(restarted::destroyForcibly, "mariadb-outage-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mariadbd again: " + command, e);
        }
        await("mariadbd accepting connections again").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
                    try (Connection ignored = DriverManager.getConnection("jdbc:mariadb://" + server.host() + ":"
                            + server.port() + "/?connectTimeout=1000", server.username(), server.password())) {
                        return true;
                    }
                });
    }

    private static List<String> proc(long pid, String file) {
        try {
            return Arrays.asList(new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), file)),
                    StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }
}
