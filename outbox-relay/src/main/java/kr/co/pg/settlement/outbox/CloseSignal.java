package kr.co.pg.settlement.outbox;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Set once when the relay is closed; the worker's waits end at once instead of sleeping out their interval. */
final class CloseSignal {

    private final CountDownLatch requested = new CountDownLatch(1);

    void request() {
        requested.countDown();
    }

    boolean isRequested() {
        return requested.getCount() == 0;
    }

    /** Waits up to {@code timeout}; true if close was requested (an interrupted wait counts as a request). */
    boolean await(Duration timeout) {
        try {
            return requested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
