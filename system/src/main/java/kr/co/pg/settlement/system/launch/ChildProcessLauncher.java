package kr.co.pg.settlement.system.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs each service in its own JVM (same class path as this one) so that its heap is its own: the benchmark
 * reads each service's peak heap from its GC log (the heap in use just before each collection).
 */
final class ChildProcessLauncher implements ServiceLauncher {

    /** "... 123M->45M(512M) ..." in -Xlog:gc lines: the first figure is the heap in use before the pause. */
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private final int heapMb;
    private final Path logDir;

    ChildProcessLauncher(int heapMb, Path logDir) {
        this.heapMb = heapMb;
        this.logDir = logDir;
    }

    @Override
    public ServiceHandle launch(String name, Class<?> application, Map<String, String> properties) {
        try {
            Files.createDirectories(logDir);
            int port = Integer.parseInt(properties.getOrDefault("server.port", "0"));
            if (port == 0) {
                port = ServiceLauncher.freePort();
            }
            Path gcLog = logDir.resolve(name + "-gc.log");
            Path output = logDir.resolve(name + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx" + heapMb + "m");
            command.add("-Xlog:gc:file=" + gcLog);
            command.add("-Dfile.encoding=UTF-8");
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(application.getName());
            for (Map.Entry<String, String> e : properties.entrySet()) {
                if (!e.getKey().equals("server.port")) {
                    command.add("--" + e.getKey() + "=" + e.getValue());
                }
            }
            command.add("--server.port=" + port);
            command.add("--spring.config.name=" + name);
            command.add("--spring.main.banner-mode=off");
            command.add("--spring.application.name=" + name);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            // a child must not outlive this JVM (Ctrl-C, kill): its ports and consumer groups would stay taken
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, name + "-stop"));
            waitUntilHealthy(name, process, port, output);
            return new ChildHandle(name, port, process, gcLog);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private static void waitUntilHealthy(String name, Process process, int port, Path output) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + output);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting " + name, e);
            }
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting " + name, e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not become healthy within 3 minutes; see " + output);
    }

    static long peakFromGcLog(List<String> lines) {
        long peak = -1;
        for (String line : lines) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, bytes(m.group(1), m.group(2)));
            }
        }
        return peak;
    }

    private static long bytes(String number, String unit) {
        long n = Long.parseLong(number);
        return switch (unit) {
            case "K" -> n * 1024;
            case "M" -> n * 1024 * 1024;
            default -> n * 1024 * 1024 * 1024;
        };
    }

    private static final class ChildHandle implements ServiceHandle {
        private final String name;
        private final int port;
        private final Process process;
        private final Path gcLog;

        ChildHandle(String name, int port, Process process, Path gcLog) {
            this.name = name;
            this.port = port;
            this.process = process;
            this.gcLog = gcLog;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public long peakHeapBytes() {
            try {
                return Files.exists(gcLog) ? peakFromGcLog(Files.readAllLines(gcLog)) : -1;
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }

        @Override
        public String toString() {
            return name + " (pid " + process.pid() + ", port " + port + ")";
        }
    }
}
