package kr.co.pg.settlement.system.launch;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * The management credential of a stack's services (their {@code settlement.management.user/password}): what the
 * stack gives each service and what its callers (day report, metrics) send as HTTP Basic. The password reaches a child
 * service as a {@link ServiceSpec.Secret} (its environment), never its command line; it is never printed.
 */
public record ManagementAccess(String user, String password) {

    public static final String USER_VARIABLE = "SETTLEMENT_MANAGEMENT_USER";
    public static final String PASSWORD_VARIABLE = "SETTLEMENT_MANAGEMENT_PASSWORD";
    static final String USER_PROPERTY = "settlement.management.user";
    static final String PASSWORD_PROPERTY = "settlement.management.password";
    private static final SecureRandom RANDOM = new SecureRandom();

    public ManagementAccess {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** The operator's credential from {@code SETTLEMENT_MANAGEMENT_USER/PASSWORD} when both are set, else a new random one. */
    public static ManagementAccess fromEnvironmentOrRandom(Map<String, String> environment) {
        String user = environment.get(USER_VARIABLE);
        String password = environment.get(PASSWORD_VARIABLE);
        if (user != null && !user.isBlank() && password != null && !password.isEmpty()) {
            return new ManagementAccess(user.strip(), password);
        }
        return new ManagementAccess("settlement-stack", randomPassword());
    }

    /** 32 random bytes, URL-safe Base64 (43 characters). */
    public static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The value of an {@code Authorization} header. */
    public String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Sets the user (not a secret) among a service's properties and returns the password as its secret. */
    public ServiceSpec.Secret applyTo(Map<String, String> properties) {
        properties.put(USER_PROPERTY, user);
        return new ServiceSpec.Secret(PASSWORD_PROPERTY, PASSWORD_VARIABLE, password);
    }

    @Override
    public String toString() {
        return "ManagementAccess[user=" + user + ", password=******]";
    }
}
