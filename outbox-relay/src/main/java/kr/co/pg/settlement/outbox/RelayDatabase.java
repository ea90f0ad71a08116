package kr.co.pg.settlement.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * JDBC access to the relay's own state in the outbox database: the offset and schema-history tables shared by all
 * instances of a relay, and the fence every state write checks.
 */
final class RelayDatabase {

    static final String OFFSET_TABLE = "outbox_relay_offset";
    static final String HISTORY_TABLE = "outbox_relay_schema_history";

    /** Binlog position(s) of each relay, as Kafka Connect stores them: JSON key -> JSON value. */
    static final String OFFSET_DDL = """
            CREATE TABLE IF NOT EXISTS outbox_relay_offset (
              relay_name   VARCHAR(100)   NOT NULL,
              offset_key   VARBINARY(700) NOT NULL,
              offset_value BLOB           NULL,
              updated_at   DATETIME(3)    NOT NULL,
              holder       VARCHAR(200)   NOT NULL COMMENT 'instance that wrote it',
              PRIMARY KEY (relay_name, offset_key)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin""";

    /** Debezium schema history (DDL of the captured outbox table), one JSON document per row, in order. */
    static final String HISTORY_DDL = """
            CREATE TABLE IF NOT EXISTS outbox_relay_schema_history (
              relay_name VARCHAR(100) NOT NULL,
              seq        BIGINT       NOT NULL,
              record     LONGTEXT     NOT NULL,
              created_at DATETIME(3)  NOT NULL,
              PRIMARY KEY (relay_name, seq)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin""";

    static final int CONNECT_TIMEOUT_MS = 10_000;
    static final int SOCKET_TIMEOUT_MS = 30_000;

    private RelayDatabase() {
    }

    static String jdbcUrl(String host, int port, String database) {
        return "jdbc:mariadb://" + host + ":" + port + "/" + database;
    }

    /** The outbox database with the configured TLS ({@code database} empty: no default database). */
    static String jdbcUrl(OutboxRelayConfig config, String database) {
        return jdbcUrl(config.dbHost(), config.dbPort(), database) + config.tls().jdbcUrlOptions();
    }

    static String jdbcUrl(OutboxRelayConfig config) {
        return jdbcUrl(config, config.database());
    }

    static Connection open(String url, String user, String password, int socketTimeoutMs) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password == null ? "" : password);
        props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_MS));
        props.setProperty("socketTimeout", Integer.toString(socketTimeoutMs));
        return DriverManager.getConnection(url, props);
    }

    /** Creates the state tables if missing (the relay's DB user needs CREATE on the outbox database). */
    static void createTables(OutboxRelayConfig config) {
        String url = jdbcUrl(config);
        try (Connection connection = open(url, config.dbUser(), config.dbPassword(), SOCKET_TIMEOUT_MS);
             Statement statement = connection.createStatement()) {
            // only when missing: a user without CREATE may run the relay once the tables exist
            if (!tableExists(connection, OFFSET_TABLE)) {
                statement.execute(OFFSET_DDL);
            }
            if (!tableExists(connection, HISTORY_TABLE)) {
                statement.execute(HISTORY_DDL);
            }
        } catch (SQLException e) {
            throw new OutboxRelayException("Outbox relay '" + config.name() + "' cannot create its state tables "
                    + OFFSET_TABLE + " and " + HISTORY_TABLE + " in database " + config.database() + ": "
                    + e.getMessage() + ". Create them with the DDL in docs/outbox-relay.md or grant CREATE to "
                    + config.dbUser() + ".", e);
        }
    }

    static boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name = ?")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    /**
     * Fence for state writes: throws unless the relay lock is still held by the given MariaDB connection (the
     * active instance's lock connection). A write made by an instance that lost its lock would move the shared
     * position under the new active instance.
     */
    static void requireLockHolder(Connection connection, String lockName, long lockConnectionId, String relayName)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
            query.setString(1, lockName);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                long holder = rs.getLong(1);
                if (rs.wasNull() || holder != lockConnectionId) {
                    throw new LockLostException("Outbox relay '" + relayName + "' no longer holds its lock '"
                            + lockName + "' (held by MariaDB connection " + (rs.wasNull() ? "none" : holder)
                            + ", this instance had connection " + lockConnectionId + "): state not written; this"
                            + " instance stops relaying and stands by.");
                }
            }
        }
    }

    /** The instance lost its relay lock; nothing is written. */
    static final class LockLostException extends SQLException {
        LockLostException(String message) {
            super(message);
        }
    }
}
