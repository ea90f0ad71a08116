package kr.co.pg.settlement.simulator.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each client's HMAC keys as KIS holds them during a key rotation: the current key, and the previous one, still
 * accepted until its expiry (the overlap). When a client's {@link KeySource} yields a new key, the key it replaces
 * becomes the previous key for {@code overlap} from that moment: clients switch to the new key without a single
 * refused request, as long as they do within the overlap. Keys are never logged.
 */
public final class KeyRing {

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

    /** A key to check a signature against; {@code previousUntil} is null for the current key. */
    public record Candidate(SecretKeySpec key, Instant previousUntil) {

        public boolean isPrevious() {
            return previousUntil != null;
        }

        @Override
        public String toString() {
            return isPrevious() ? "Candidate[previous key until " + previousUntil + "]" : "Candidate[current key]";
        }
    }

    private record State(String current, SecretKeySpec currentKey, SecretKeySpec previousKey, Instant previousUntil) {
    }

    private final Map<String, KeySource> sources;
    private final Map<String, State> states = new HashMap<>();
    private final Duration overlap;
    private final Clock clock;

    /**
     * @param sources       client id -> where its current key comes from
     * @param previous      client id -> a previous key still accepted at start (a restart during a rotation)
     * @param previousUntil until when the keys of {@code previous} are accepted
     * @param overlap       how long a replaced key stays accepted after the new one is first seen
     */
    public KeyRing(Map<String, KeySource> sources, Map<String, String> previous, Instant previousUntil,
                   Duration overlap, Clock clock) {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no KIS client configured: set kis.simulator.clients.<clientId>=${KIS_SECRET}"
                    + " or kis.simulator.security.secret-files.<clientId>=<key file>");
        }
        if (overlap == null || overlap.isNegative()) {
            throw new IllegalArgumentException("kis.simulator.security.key-overlap must be zero or positive, got " + overlap);
        }
        if (!previous.isEmpty() && previousUntil == null) {
            throw new IllegalArgumentException("kis.simulator.security.previous-secrets needs"
                    + " kis.simulator.security.previous-secrets-valid-until (an instant, e.g. 2026-03-11T09:00:00Z)");
        }
        this.sources = Map.copyOf(sources);
        this.overlap = overlap;
        this.clock = clock;
        sources.forEach((client, source) -> {
            String current = source.current();
            String old = previous.get(client);
            states.put(client, new State(current, key(current), old == null || old.isEmpty() ? null : key(old),
                    old == null || old.isEmpty() ? null : previousUntil));
        });
        previous.keySet().stream().filter(c -> !sources.containsKey(c)).findFirst().ifPresent(c -> {
            throw new IllegalArgumentException("kis.simulator.security.previous-secrets." + c + " names a client without"
                    + " a current key");
        });
    }

    public boolean knows(String clientId) {
        return clientId != null && sources.containsKey(clientId);
    }

    /** The keys to try, current first; an expired previous key is included (to say so), with its expiry. */
    public List<Candidate> candidates(String clientId) {
        State state = refresh(clientId);
        List<Candidate> keys = new ArrayList<>(2);
        keys.add(new Candidate(state.currentKey(), null));
        if (state.previousKey() != null) {
            keys.add(new Candidate(state.previousKey(), state.previousUntil()));
        }
        return keys;
    }

    public Instant now() {
        return clock.instant();
    }

    private State refresh(String clientId) {
        // the source may read a file: outside the lock
        String current = sources.get(clientId).current();
        synchronized (this) {
            return refresh(clientId, current);
        }
    }

    private State refresh(String clientId, String current) {
        State state = states.get(clientId);
        if (!current.equals(state.current())) {
            Instant until = clock.instant().plus(overlap);
            state = new State(current, key(current), state.currentKey(), until);
            states.put(clientId, state);
            log.info("KIS HMAC key of client {} rotated: the new key is current, the previous one is accepted until {}",
                    clientId, until);
        }
        return state;
    }

    private static SecretKeySpec key(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }
}
