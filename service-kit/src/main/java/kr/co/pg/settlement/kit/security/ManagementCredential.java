package kr.co.pg.settlement.kit.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The one machine credential (user and password) that opens a service's protected HTTP endpoints: the actuator
 * beyond the probes, and the service's own web API. From {@code settlement.management.user} and
 * {@code settlement.management.password} ({@code SETTLEMENT_MANAGEMENT_USER}, {@code SETTLEMENT_MANAGEMENT_PASSWORD});
 * there is no default. Unset (both): nobody gets in ({@link #configured()} false). Only the SHA-256 digests are
 * kept, compared in constant time; the password is never printed.
 */
final class ManagementCredential {

    static final String USER_PROPERTY = "settlement.management.user";
    static final String PASSWORD_PROPERTY = "settlement.management.password";
    static final String USER_VARIABLE = "SETTLEMENT_MANAGEMENT_USER";
    static final String PASSWORD_VARIABLE = "SETTLEMENT_MANAGEMENT_PASSWORD";
    /** A machine credential, not a human one: long enough that guessing it over HTTP is hopeless. */
    static final int MIN_PASSWORD_LENGTH = 16;

    private final String user;
    private final byte[] userDigest;
    private final byte[] passwordDigest;

    private ManagementCredential(String user, String password) {
        this.user = user;
        this.userDigest = user == null ? null : sha256(user);
        this.passwordDigest = password == null ? null : sha256(password);
    }

    /**
     * Both blank: not configured (every protected endpoint refuses). One of them, or a password shorter than
     * {@value #MIN_PASSWORD_LENGTH} characters: a misconfiguration the service must not start with.
     */
    static ManagementCredential of(String user, String password) {
        boolean noUser = user == null || user.isBlank();
        boolean noPassword = password == null || password.isEmpty();
        if (noUser && noPassword) {
            return new ManagementCredential(null, null);
        }
        if (noUser || noPassword) {
            throw new IllegalStateException("management credential incomplete: " + (noUser ? USER_VARIABLE : PASSWORD_VARIABLE)
                    + " (" + (noUser ? USER_PROPERTY : PASSWORD_PROPERTY) + ") is not set while "
                    + (noUser ? PASSWORD_VARIABLE : USER_VARIABLE) + " is: set both, or neither to refuse every caller");
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException(PASSWORD_VARIABLE + " has " + password.length() + " characters, at least "
                    + MIN_PASSWORD_LENGTH + " are required: use a random one, e.g. `openssl rand -base64 24`");
        }
        return new ManagementCredential(user.strip(), password);
    }

    boolean configured() {
        return user != null;
    }

    String user() {
        return user;
    }

    /** Constant time in the contents of both values; false when not configured. */
    boolean matches(String candidateUser, String candidatePassword) {
        if (!configured() || candidateUser == null || candidatePassword == null) {
            return false;
        }
        boolean userMatches = MessageDigest.isEqual(userDigest, sha256(candidateUser));
        boolean passwordMatches = MessageDigest.isEqual(passwordDigest, sha256(candidatePassword));
        return userMatches & passwordMatches;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return configured() ? "ManagementCredential[user=" + user + ", password=******]" : "ManagementCredential[not configured]";
    }
}
