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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.simulator.KisSimulatorApplication;

/**
 * Runs each service in its own JVM (same class path as this one) so that its heap is its own: the benchmark
 * reads each service's peak heap from its GC log (the heap in use just before each collection) and its peak
 * resident set from /proc. Secrets go to the child through its environment, never on its command line.
 */
record ChildProcessLauncher(int heapMb, Path logDir, boolean profile) implements ServiceLauncher {

    /** The KIS simulator's heap in a benchmark: about 300 bytes per transaction it accepted (4,000,000: ~1.2 GB). */
    static final int KIS_STAND_IN_HEAP_MB = 2048;

    /** "... 123M->45M(512M) ..." in -Xlog:gc lines: the first figure is the heap in use before the pause. */
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    /** "VmHWM:	  123456 kB" in /proc/{pid}/status: the peak resident set size. */
    private static final Pattern VM_HWM = Pattern.compile("^VmHWM:\\s+(\\d+)\\s*kB", Pattern.MULTILINE);
    static final String SPRING_APPLICATION_JSON = "SPRING_APPLICATION_JSON";

    @Override
    public ServiceHandle launch(ServiceSpec spec) {
        String name = spec.instanceName();
        try {
            Files.createDirectories(logDir);
            int port = Integer.parseInt(spec.properties().getOrDefault("server.port", "0"));
            if (port == 0) {
                port = ServiceLauncher.freePort();
            }
            Path gcLog = logDir.resolve(name + "-gc.log");
            Path output = logDir.resolve(name + ".log");
            // JDK 17 does not expand %p in a recording's file name: one explicit name per instance
            Path recording = profile ? logDir.resolve(name + ".jfr") : null;
            List<String> command = command(Path.of(System.getProperty("java.home"), "bin", "java"),
                    System.getProperty("java.class.path"), heapMb, gcLog, recording, spec, port);
            // appended: a service started again (restart tests) keeps the lines of its earlier life
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
            builder.environment().putAll(secretEnvironment(spec));
            // glibc gives every busy thread an arena of its own (64 MB each): a JVM with many threads grows its RSS
            builder.environment().put("MALLOC_ARENA_MAX", "2");
            Process process = builder.start();
            // a child must not outlive this JVM (Ctrl-C, kill): its ports and consumer groups would stay taken
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, name + "-stop"));
            waitUntilHealthy(name, process, port, output);
            return new ChildHandle(name, port, process, gcLog, recording);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /**
     * How a service JVM runs, here and in a deployment (docs/production.md): the serial collector (a service has at
     * most two cores; G1's remembered sets and marking bitmaps cost native memory out of proportion to a 512 MB heap),
     * a smaller code cache and thread stacks; the deployments' initial heap (256 MB: the default, a 64th of the
     * machine's memory, was 384 MB here although the collector's live set stays under 160 MB); the malloc memory the
     * JVM freed given back every 10 s (30-40 MB of RSS per service); and no per-thread cache of direct buffers for
     * socket writes larger than 256 KB (4 MB file events left 25 MB cached). Measured on the 1,000,000- and
     * 4,000,000-row benchmarks: README, "Benchmarks".
     */
    static final List<String> SERVICE_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms256m",
            "-XX:ReservedCodeCacheSize=96m", "-XX:MaxMetaspaceSize=256m", "-Xss512k", "-XX:TrimNativeHeapInterval=10000",
            "-Djdk.nio.maxCachedBufferSize=262144");

    /**
     * The child's command line: JVM options, class, then the spec's properties as {@code --key=value} arguments.
     * Never a secret: those are in {@link #secretEnvironment(ServiceSpec)}.
     */
    static List<String> command(Path java, String classPath, int heapMb, Path gcLog, Path recording, ServiceSpec spec,
                                int port) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        // the KIS stand-in keeps every accepted transaction (it proves "never twice at KIS"): not a service to size
        boolean kisStandIn = KisSimulatorApplication.CONFIG_NAME.equals(spec.configName());
        command.add("-Xmx" + (kisStandIn ? Math.max(heapMb, KIS_STAND_IN_HEAP_MB) : heapMb) + "m");
        command.addAll(SERVICE_JVM_OPTIONS);
        command.add("-Xlog:gc:file=" + gcLog);
        if (recording != null) {
            command.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile,dumponexit=true");
        }
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        command.add(classPath);
        command.add(spec.application().getName());
        for (Map.Entry<String, String> e : spec.properties().entrySet()) {
            if (!e.getKey().equals("server.port")) {
                command.add("--" + e.getKey() + "=" + e.getValue());
            }
        }
        command.add("--server.port=" + port);
        command.add("--spring.config.name=" + spec.configName());
        command.add("--spring.main.banner-mode=off");
        command.add("--spring.application.name=" + spec.configName());
        for (ServiceSpec.Secret secret : spec.secrets()) {
            if (!secret.value().isEmpty() && command.stream().anyMatch(arg -> arg.contains(secret.value()))) {
                throw new IllegalStateException("the value of secret " + secret.property() + " of " + spec.instanceName()
                        + " is also in a non-secret property: pass it only as a secret");
            }
        }
        return command;
    }

    /**
     * The variables that carry the spec's secrets: each in the variable its service's yml reads, those without one
     * together in {@code SPRING_APPLICATION_JSON} (flat keys, case kept).
     */
    static Map<String, String> secretEnvironment(ServiceSpec spec) {
        Map<String, String> environment = new LinkedHashMap<>();
        Map<String, String> json = new LinkedHashMap<>();
        for (ServiceSpec.Secret secret : spec.secrets()) {
            if (secret.environmentVariable() != null) {
                environment.put(secret.environmentVariable(), secret.value());
            } else {
                json.put(secret.property(), secret.value());
            }
        }
        if (!json.isEmpty()) {
            environment.put(SPRING_APPLICATION_JSON, EventJson.mapper().writeValueAsString(json));
        }
        return environment;
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

    /** VmHWM of a /proc/{pid}/status text in bytes, or -1 when absent. */
    static long peakRssFromProcStatus(String status) {
        Matcher m = VM_HWM.matcher(status);
        return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
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
        private final Path recording;
        private volatile long peakRssAtStop = -1;

        ChildHandle(String name, int port, Process process, Path gcLog, Path recording) {
            this.name = name;
            this.port = port;
            this.process = process;
            this.gcLog = gcLog;
            this.recording = recording;
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
        public long peakRssBytes() {
            return process.isAlive() ? readPeakRss() : peakRssAtStop;
        }

        private long readPeakRss() {
            Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
            try {
                return peakRssFromProcStatus(Files.readString(status));
            } catch (IOException | RuntimeException e) {
                return -1; // not Linux, or the process just ended
            }
        }

        @Override
        public Optional<Path> flightRecording() {
            return Optional.ofNullable(recording);
        }

        @Override
        public void kill() {
            if (process.isAlive()) {
                peakRssAtStop = readPeakRss();
            }
            // SIGKILL: the JVM gets no chance to run hooks, commit offsets or leave its groups
            process.destroyForcibly();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(name + " (pid " + process.pid() + ") still alive 30 s after SIGKILL");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while killing " + name, e);
            }
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                peakRssAtStop = readPeakRss(); // the kernel forgets it with the process
            }
            process.destroy();
            try {
                // a flight recording is written on exit: give it time
                if (!process.waitFor(recording == null ? 30 : 90, TimeUnit.SECONDS)) {
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
