package kr.co.pg.settlement.simulator.application;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kr.co.pg.settlement.kis.protocol.KisSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the request signature of kis-interface.md section 1. Same canonical string as {@link KisSigner}, but
 * from the body's SHA-256 (uploads are streamed to disk, never held whole in memory). Keys come from a
 * {@link KeyRing}: the current key, and during a rotation the previous one until its expiry. The reasons returned
 * (sent to the client and logged) never contain a key or the expected signature.
 */
public final class Authenticator {

    private static final Logger log = LoggerFactory.getLogger(Authenticator.class);

    private final KeyRing keys;
    private final Clock clock;
    /** Clients already reported as signing with their previous key (one log line per rotation, not per request). */
    private final Set<String> reportedPreviousKeyUse = ConcurrentHashMap.newKeySet();

    /** Fixed keys, no rotation. */
    public Authenticator(Map<String, String> secretsByClientId, Clock clock) {
        this(new KeyRing(fixed(secretsByClientId), Map.of(), null, Duration.ZERO, clock), clock);
    }

    public Authenticator(KeyRing keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    private static Map<String, KeySource> fixed(Map<String, String> secretsByClientId) {
        Map<String, KeySource> sources = new HashMap<>();
        secretsByClientId.forEach((client, secret) -> {
            if (secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("kis.simulator.clients." + client + " has no secret (set KIS_SECRET)");
            }
            sources.put(client, KeySource.fixed(secret));
        });
        return sources;
    }

    /** Cheap checks before the body is read: client known, timestamp readable and within 300 s. */
    public Optional<String> precheck(String clientId, String timestamp) {
        if (!keys.knows(clientId)) {
            return Optional.of("unknown client id '" + printable(clientId) + "'");
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp == null ? "" : timestamp);
        } catch (NumberFormatException e) {
            return Optional.of("X-KIS-Timestamp must be milliseconds since the epoch, got '" + printable(timestamp) + "'");
        }
        long skew = Math.abs(clock.millis() - ts);
        if (skew > KisSigner.MAX_CLOCK_SKEW_MILLIS) {
            return Optional.of("X-KIS-Timestamp is " + skew + " ms away from KIS's clock (max 300 s): check the PG's clock");
        }
        return Optional.empty();
    }

    /** Full check; empty when the request is authentic. */
    public Optional<String> verify(String method, String pathWithQuery, String clientId, String timestamp,
                                   String signature, String bodySha256Hex) {
        Optional<String> pre = precheck(clientId, timestamp);
        if (pre.isPresent()) {
            return pre;
        }
        if (signature == null) {
            return Optional.of("X-KIS-Signature missing");
        }
        byte[] presented = signature.getBytes(StandardCharsets.US_ASCII);
        byte[] canonical = (method + "\n" + pathWithQuery + "\n" + timestamp + "\n" + bodySha256Hex)
                .getBytes(StandardCharsets.UTF_8);
        Instant now = keys.now();
        for (KeyRing.Candidate candidate : keys.candidates(clientId)) {
            if (!MessageDigest.isEqual(hmacHex(candidate.key(), canonical), presented)) {
                continue;
            }
            if (!candidate.isPrevious()) {
                return Optional.empty();
            }
            if (now.isBefore(candidate.previousUntil())) {
                if (reportedPreviousKeyUse.add(clientId + "@" + candidate.previousUntil())) {
                    log.warn("client {} still signs with its previous KIS key, accepted until {}: install the new key"
                            + " before then", clientId, candidate.previousUntil());
                }
                return Optional.empty();
            }
            return Optional.of("signature made with the previous key of " + clientId + ", which was accepted until "
                    + candidate.previousUntil() + ": sign with the current key");
        }
        return Optional.of("signature does not match (method, path with query, timestamp, body SHA-256) with the secret of "
                + clientId);
    }

    private static byte[] hmacHex(SecretKeySpec key, byte[] canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(canonical)).getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Header values echoed in answers and logs: at most 64 printable ASCII characters (no log forging). */
    private static String printable(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < 64; i++) {
            char c = value.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return value.length() > 64 ? out + "..." : out.toString();
    }
}
