package kr.co.pg.settlement.outbox;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** One period of holding the relay lock; ends on close or when the lock is lost, never starts again. */
final class LeadershipTerm {

    final RelayLock lock;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean lost;

    LeadershipTerm(RelayLock lock) {
        this.lock = lock;
    }

    void end() {
        ended.countDown();
    }

    boolean isOver() {
        return ended.getCount() == 0;
    }

    /** Ends the term because the lock is gone; false if it was over already (reported once, by whoever saw it first). */
    synchronized boolean endAsLost() {
        if (isOver()) {
            return false;
        }
        lost = true;
        end();
        return true;
    }

    boolean wasLost() {
        return lost;
    }

    /** Waits up to {@code timeout}; true if the term ended meanwhile (an interrupted wait counts as ended). */
    boolean awaitEnd(Duration timeout) {
        try {
            return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
