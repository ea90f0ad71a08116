package kr.co.pg.settlement.simulator.application;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kr.co.pg.settlement.kis.protocol.KisSigner;

/**
 * Checks the request signature of kis-interface.md section 1. Same canonical string as {@link KisSigner}, but
 * from the body's SHA-256 (uploads are streamed to disk, never held whole in memory).
 */
public final class Authenticator {

    private final Map<String, SecretKeySpec> keys = new HashMap<>();
    private final Clock clock;

    public Authenticator(Map<String, String> secretsByClientId, Clock clock) {
        this.clock = clock;
        secretsByClientId.forEach((client, secret) -> {
            if (secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("kis.simulator.clients." + client + " has no secret (set KIS_SECRET)");
            }
            keys.put(client, new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        });
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no KIS client configured: set kis.simulator.clients.<clientId>=<secret>");
        }
    }

    /** Cheap checks before the body is read: client known, timestamp readable and within 300 s. */
    public Optional<String> precheck(String clientId, String timestamp) {
        if (clientId == null || !keys.containsKey(clientId)) {
            return Optional.of("unknown client id '" + clientId + "'");
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp == null ? "" : timestamp);
        } catch (NumberFormatException e) {
            return Optional.of("X-KIS-Timestamp must be milliseconds since the epoch, got '" + timestamp + "'");
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
        String canonical = method + "\n" + pathWithQuery + "\n" + timestamp + "\n" + bodySha256Hex;
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.get(clientId));
            expected = HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)))
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("signature does not match (method, path with query, timestamp, body SHA-256) with the secret of " + clientId);
        }
        return Optional.empty();
    }
}
