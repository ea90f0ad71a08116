package kr.co.pg.settlement.outbox;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The term this instance is in, if any. The relayer confirms it before every batch and the lock checks every
 * heartbeat: a lost lock ends the term at once, so that two instances never relay together.
 */
final class Leadership {

    private static final Logger log = LoggerFactory.getLogger(Leadership.class);

    private final String relayName;
    private final String instance;
    private final CloseSignal close;
    /** Orders a term's start against close: either close sees the term, or the term sees close. */
    private final Object termLock = new Object();
    private final AtomicLong activations = new AtomicLong();
    private volatile LeadershipTerm term;
    private volatile Instant activeSince;

    Leadership(String relayName, String instance, CloseSignal close) {
        this.relayName = relayName;
        this.instance = instance;
        this.close = close;
    }

    /** Starts a term on {@code lock}; null, with the lock released, when the relay is closing. */
    LeadershipTerm begin(RelayLock lock) {
        LeadershipTerm current = new LeadershipTerm(lock);
        synchronized (termLock) {
            if (close.isRequested()) {
                lock.close();
                return null;
            }
            term = current;
        }
        activeSince = Instant.now();
        activations.incrementAndGet();
        return current;
    }

    /** After the term's engine stopped: this instance stands by again. */
    void finish() {
        synchronized (termLock) {
            term = null;
        }
        activeSince = null;
    }

    /** Ends the current term, if any (the relay is closing). */
    void endCurrent() {
        LeadershipTerm current;
        synchronized (termLock) {
            current = term;
        }
        if (current != null) {
            current.end();
        }
    }

    boolean isActive() {
        LeadershipTerm current = term;
        return current != null && !current.isOver();
    }

    /** Asked by the relayer before each batch: the lock is checked on its own connection (one short query). */
    boolean confirm() {
        LeadershipTerm current = term;
        if (current == null || current.isOver()) {
            return false;
        }
        if (!current.lock.stillHeld()) {
            lose(current);
            return false;
        }
        return true;
    }

    void lose(LeadershipTerm current) {
        if (!current.endAsLost()) {
            return;
        }
        log.error("Outbox relay '{}' on instance {} LOST its lock '{}' (its MariaDB connection {} broke or was"
                + " killed): stopping the engine now so that only one instance relays", relayName, instance,
                current.lock.name(), current.lock.connectionId());
    }

    /** Start of the current term, null while standing by. */
    Instant activeSince() {
        return activeSince;
    }

    /** Terms begun since the relay object was created. */
    long activations() {
        return activations.get();
    }
}
