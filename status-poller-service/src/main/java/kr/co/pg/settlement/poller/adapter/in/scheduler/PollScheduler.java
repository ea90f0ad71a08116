package kr.co.pg.settlement.poller.adapter.in.scheduler;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kr.co.pg.settlement.poller.application.PollReceiptsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs the regular poll round every {@code settlement.poller.interval} (fixed delay). */
@Component
class PollScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollScheduler.class);

    private final PollReceiptsService poller;
    private final Duration interval;
    private final boolean enabled;
    private ScheduledExecutorService scheduler;

    PollScheduler(PollReceiptsService poller, @Value("${settlement.poller.interval:30s}") Duration interval,
                  @Value("${settlement.poller.enabled:true}") boolean enabled) {
        this.poller = poller;
        this.interval = interval;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        if (!enabled || scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kis-poll-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::round, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            poller.pollDue();
        } catch (RuntimeException e) {
            // e.g. the database is down: the next round tries again
            log.error("poll round failed: {}; retried at the next interval", e.toString(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
