package kr.co.pg.settlement.system.launch;

/** A running service, in this JVM or in a child JVM. */
public interface ServiceHandle extends AutoCloseable {

    String name();

    /** Where its HTTP server listens (the actuator, the simulator's API, the collector's report). */
    int port();

    /** Peak heap of the service in bytes as far as it can be known (child JVMs: from their GC log), or -1. */
    long peakHeapBytes();

    @Override
    void close();
}
