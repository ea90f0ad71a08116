package kr.co.pg.settlement.outbox;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Set once, never reset: the relay's close, the end of a leadership term. A wait on it ends the moment it is set,
 * so that a closing relay does not sleep out a retry interval or a restart delay.
 */
final class Signal {

    private final CountDownLatch latch = new CountDownLatch(1);

    void set() {
        latch.countDown();
    }

    boolean isSet() {
        return latch.getCount() == 0;
    }

    /** Waits up to {@code timeout}; true if the signal is set (an interrupted wait counts as set). */
    boolean await(Duration timeout) {
        try {
            return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
