package kr.co.pg.settlement.system.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts a Spring Boot service with the given properties, either inside this JVM (tests, the demo) or as a
 * child JVM with its own heap limit (benchmarks, where each service's peak heap is measured).
 */
public interface ServiceLauncher {

    ServiceHandle launch(ServiceSpec spec);

    default ServiceHandle launch(String name, Class<?> application, Map<String, String> properties) {
        return launch(ServiceSpec.of(name, application, properties));
    }

    static ServiceLauncher inProcess() {
        return new InProcessLauncher();
    }

    /** Child JVMs on this JVM's class path, each with {@code -Xmx{heapMb}m} and a GC log in {@code logDir}. */
    static ServiceLauncher childProcesses(int heapMb, Path logDir) {
        return new ChildProcessLauncher(heapMb, logDir, false);
    }

    /**
     * As {@link #childProcesses(int, Path)}; with {@code profile}, each child also records a Java Flight Recording
     * ({@code settings=profile}) into {@code logDir/{instance}.jfr}, written when it stops.
     */
    static ServiceLauncher childProcesses(int heapMb, Path logDir, boolean profile) {
        return new ChildProcessLauncher(heapMb, logDir, profile);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
