package kr.co.pg.settlement.outbox;

import java.time.Duration;

/** One period of holding the relay lock; ends on close or when the lock is lost, never starts again. */
final class LeadershipTerm {

    final RelayLock lock;
    private final Signal ended = new Signal();
    private volatile boolean lost;

    LeadershipTerm(RelayLock lock) {
        this.lock = lock;
    }

    void end() {
        ended.set();
    }

    boolean isOver() {
        return ended.isSet();
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
        return ended.await(timeout);
    }
}
