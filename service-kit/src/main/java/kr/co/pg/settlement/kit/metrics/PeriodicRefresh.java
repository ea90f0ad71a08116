package kr.co.pg.settlement.kit.metrics;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Gauges read by a thread of their own every refresh interval, never on the scrape: a subclass sets its gauges in
 * {@link #refresh()}, which runs at start and then {@code interval} after each run ends, until the context stops.
 */
public abstract class PeriodicRefresh implements SmartLifecycle {

    private final String threadName;
    private final Duration interval;
    private ScheduledExecutorService executor;

    protected PeriodicRefresh(String threadName, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("settlement.metrics.refresh-interval must be positive, is " + interval);
        }
        this.threadName = threadName;
        this.interval = interval;
    }

    /** Reads what the gauges show; must not throw (a failure keeps the last values and says so in the log). */
    protected abstract void refresh();

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
