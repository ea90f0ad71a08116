package kr.co.pg.settlement.kis.protocol;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Request signature of kis-interface.md section 1:
 * hex(HMAC-SHA256(secret, METHOD + "\n" + PATH + "\n" + TIMESTAMP + "\n" + hex(SHA-256(body)))).
 * PATH includes the query string; an absent body hashes as empty. Shared by the client and the simulator.
 */
public final class KisSigner {

    public static final String HEADER_CLIENT_ID = "X-KIS-Client-Id";
    public static final String HEADER_TIMESTAMP = "X-KIS-Timestamp";
    public static final String HEADER_SIGNATURE = "X-KIS-Signature";
    /** KIS refuses a timestamp further than this from its clock. */
    public static final long MAX_CLOCK_SKEW_MILLIS = 300_000L;

    private static final HexFormat HEX = HexFormat.of();
    private final SecretKeySpec key;

    public KisSigner(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the KIS HMAC secret is not configured");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String sign(String method, String pathWithQuery, String timestamp, byte[] body) {
        String canonical = method + "\n" + pathWithQuery + "\n" + timestamp + "\n" + sha256Hex(body);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HEX.formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time check of a presented signature. */
    public boolean verify(String method, String pathWithQuery, String timestamp, byte[] body, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] expected = sign(method, pathWithQuery, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }

    public static String sha256Hex(byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(digest.digest(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
