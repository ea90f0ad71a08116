package kr.co.pg.settlement.collector.application;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes pages on a fixed number of threads while the caller reads the next one: at most {@code threads} pages in
 * flight, the caller waits for the oldest before handing over another. The first failure stops the caller.
 */
final class PageWriters implements AutoCloseable {

    private final ExecutorService pool;
    private final int threads;
    private final Deque<Future<JobCounts>> inFlight = new ArrayDeque<>();
    private JobCounts written = JobCounts.NONE;

    PageWriters(String name, int threads) {
        this.threads = threads;
        // the page writes run in the caller's trace (span and log ids), so the file events they write keep it
        this.pool = ContextExecutorService.wrap(Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        }), ContextSnapshotFactory.builder().build());
    }

    void write(Callable<JobCounts> page) {
        if (inFlight.size() >= threads) {
            written = written.plus(await(inFlight.removeFirst()));
        }
        inFlight.addLast(pool.submit(page));
    }

    /** Waits for the pages in flight; @return the counts of every page written. */
    JobCounts finish() {
        while (!inFlight.isEmpty()) {
            written = written.plus(await(inFlight.removeFirst()));
        }
        return written;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static JobCounts await(Future<JobCounts> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while collecting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
