package kr.co.pg.settlement.localstack;

import java.util.regex.Pattern;

/** Database names go into SQL text, so only plain identifiers are allowed. */
final class DatabaseNames {

    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    static String check(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name '" + name
                    + "' must be 1-64 characters of A-Z, a-z, 0-9 and _");
        }
        return name;
    }

    private DatabaseNames() {
    }
}
