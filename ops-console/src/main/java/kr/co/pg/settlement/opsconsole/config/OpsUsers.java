package kr.co.pg.settlement.opsconsole.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console's users from configuration: {@code OPS_USERS="alice:operator:{bcrypt}$2a$10$...,bob:viewer:{bcrypt}..."}
 * (entries separated by commas or white space; name:role:hash). Roles {@code viewer} (read) and {@code operator}
 * (read, kick-off, replay, re-drive). Only bcrypt hashes are accepted: a plain password never sits in configuration.
 */
public final class OpsUsers {

    public enum Role { VIEWER, OPERATOR }

    public record User(String name, Role role, String passwordHash) {
    }

    private OpsUsers() {
    }

    public static List<User> parse(String spec) {
        Map<String, User> users = new LinkedHashMap<>();
        if (spec == null) {
            return List.of();
        }
        for (String entry : spec.trim().split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split(":", 3);
            if (parts.length != 3 || parts[0].isBlank()) {
                throw new IllegalArgumentException("OPS_USERS entry '" + shown(entry) + "' is not name:role:{bcrypt}hash"
                        + " (e.g. alice:operator:{bcrypt}$2a$10$...; hash made with `htpasswd -nbBC 10 alice PASSWORD`)");
            }
            Role role;
            try {
                role = Role.valueOf(parts[1].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("OPS_USERS user '" + parts[0] + "': role '" + parts[1]
                        + "' is neither viewer nor operator");
            }
            String hash = parts[2].startsWith("$2") ? "{bcrypt}" + parts[2] : parts[2];
            if (!hash.matches("\\{bcrypt}\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
                throw new IllegalArgumentException("OPS_USERS user '" + parts[0] + "': the password must be a bcrypt"
                        + " hash ({bcrypt}$2a$10$ followed by 53 characters), never a plain password");
            }
            if (users.put(parts[0], new User(parts[0], role, hash)) != null) {
                throw new IllegalArgumentException("OPS_USERS names user '" + parts[0] + "' twice");
            }
        }
        return new ArrayList<>(users.values());
    }

    /** The entry without its hash, for an error message. */
    private static String shown(String entry) {
        int i = entry.indexOf(':', entry.indexOf(':') + 1);
        return i < 0 ? entry : entry.substring(0, i) + ":...";
    }
}
