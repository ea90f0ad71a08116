package kr.co.pg.settlement.system.launch;

import java.nio.file.Path;
import java.util.Optional;

/** A running service, in this JVM or in a child JVM. */
public interface ServiceHandle extends AutoCloseable {

    /** The instance's name: the service's name, with "-{i}" when the service runs several times. */
    String name();

    /** Where its HTTP server listens (the actuator, the simulator's API, the collector's report). */
    int port();

    /** Peak heap of the service in bytes as far as it can be known (child JVMs: from their GC log), or -1. */
    long peakHeapBytes();

    /**
     * Peak resident set size in bytes (child JVMs on Linux: VmHWM of /proc/{pid}/status, read just before the
     * process is stopped, or now while it runs), or -1 when unknown (in-process services, other systems).
     */
    default long peakRssBytes() {
        return -1;
    }

    /** The Java Flight Recording this instance writes when it stops, when it was started with one. */
    default Optional<Path> flightRecording() {
        return Optional.empty();
    }

    /**
     * Ends the instance at once, as {@code kill -9} does: no shutdown hook, no graceful leave of its consumer groups,
     * no flush (fault tests). Child JVMs only; an in-process service cannot be killed without killing the caller.
     */
    default void kill() {
        throw new UnsupportedOperationException(name() + " runs in this JVM: it can be stopped, not killed");
    }

    @Override
    void close();
}
