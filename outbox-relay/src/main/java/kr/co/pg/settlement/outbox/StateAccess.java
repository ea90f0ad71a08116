package kr.co.pg.settlement.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * Where a state store (offsets, schema history) writes and which lock fences its writes; passed from
 * {@link DebeziumProperties} to the stores through the engine's string properties (the engine instantiates them).
 */
record StateAccess(String url, String user, String password, String relayName, String lockName,
                   long lockConnectionId, String holder) {

    static final String URL = "jdbc.url";
    static final String USER = "jdbc.user";
    static final String PASSWORD = "jdbc.password";
    static final String RELAY = "relay.name";
    static final String LOCK_NAME = "lock.name";
    static final String LOCK_CONNECTION_ID = "lock.connection.id";
    static final String HOLDER = "holder";

    static StateAccess from(Map<?, ?> properties, String prefix) {
        return new StateAccess(required(properties, prefix, URL), required(properties, prefix, USER),
                String.valueOf(properties.get(prefix + PASSWORD) == null ? "" : properties.get(prefix + PASSWORD)),
                required(properties, prefix, RELAY), required(properties, prefix, LOCK_NAME),
                Long.parseLong(required(properties, prefix, LOCK_CONNECTION_ID)),
                required(properties, prefix, HOLDER));
    }

    void putInto(Properties properties, String prefix) {
        properties.setProperty(prefix + URL, url);
        properties.setProperty(prefix + USER, user);
        properties.setProperty(prefix + PASSWORD, password);
        properties.setProperty(prefix + RELAY, relayName);
        properties.setProperty(prefix + LOCK_NAME, lockName);
        properties.setProperty(prefix + LOCK_CONNECTION_ID, Long.toString(lockConnectionId));
        properties.setProperty(prefix + HOLDER, holder);
    }

    Connection open() throws SQLException {
        return RelayDatabase.open(url, user, password, RelayDatabase.SOCKET_TIMEOUT_MS);
    }

    /**
     * Runs {@code select}, whose one parameter is this relay's name, on a connection of its own and hands each row to
     * {@code reader}. Reads need no lock: a standby may read what the active instance wrote.
     */
    void readRows(String select, RowReader reader) throws SQLException {
        try (Connection connection = open(); PreparedStatement query = connection.prepareStatement(select)) {
            query.setString(1, relayName);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    /** One row of a state table, read while its result set is open. */
    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    void requireLock(Connection connection) throws SQLException {
        RelayDatabase.requireLockHolder(connection, lockName, lockConnectionId, relayName);
    }

    private static String required(Map<?, ?> properties, String prefix, String key) {
        Object value = properties.get(prefix + key);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException("missing engine property " + prefix + key
                    + " (set by DebeziumProperties for the outbox relay's state stores)");
        }
        return value.toString();
    }

    /** The password is left out so the value can be logged. */
    @Override
    public String toString() {
        return "StateAccess[" + user + "@" + url + ", relay=" + relayName + ", lock=" + lockName + " held by connection "
                + lockConnectionId + "]";
    }
}
