package kr.co.pg.settlement.localstack;

import java.util.function.Supplier;

/** A server started on first use, once per JVM, thread-safe; {@link #started()} without starting it. */
final class StartedOnce<T> {

    private final Supplier<T> start;
    private volatile T value;

    StartedOnce(Supplier<T> start) {
        this.start = start;
    }

    T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = start.get();
                    value = v;
                }
            }
        }
        return v;
    }

    /** The server if it was started, else null. */
    T started() {
        return value;
    }
}
