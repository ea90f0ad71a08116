package kr.co.pg.settlement.opsconsole.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The second step of an operator action: a dry run hands out a token bound to the user, the action and its exact
 * parameters; the action runs only when the same user sends it back with the same parameters, once, within the
 * validity. Kept in memory: a console restart (or a second replica) just means running the dry run again.
 */
final class ConfirmationTokens {

    private record Pending(String username, OperatorAction action, String parameters, Instant expiresAt) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration validity;

    ConfirmationTokens(Clock clock, Duration validity) {
        this.clock = clock;
        this.validity = validity;
    }

    record Issued(String token, Instant expiresAt) {
    }

    Issued issue(String username, OperatorAction action, String parameters) {
        Instant now = clock.instant();
        pending.values().removeIf(p -> p.expiresAt().isBefore(now));
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        Instant expiresAt = now.plus(validity);
        pending.put(token, new Pending(username, action, parameters, expiresAt));
        return new Issued(token, expiresAt);
    }

    /** True (and the token is used up) when it was issued for exactly this user, action and parameters. */
    boolean redeem(String token, String username, OperatorAction action, String parameters) {
        if (token == null) {
            return false;
        }
        Pending p = pending.get(token);
        if (p == null || p.expiresAt().isBefore(clock.instant()) || !p.username().equals(username)
                || p.action() != action || !p.parameters().equals(parameters)) {
            return false;
        }
        return pending.remove(token, p);
    }
}
