package kr.co.pg.settlement.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, before the connector starts, that the server is reachable and writes a row-based binlog; the connector
 * itself would retry an unreachable server without end and report a misconfigured binlog less plainly.
 */
final class BinlogPreflight {

    private static final Logger log = LoggerFactory.getLogger(BinlogPreflight.class);
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private BinlogPreflight() {
    }

    static void check(OutboxRelayConfig config) {
        String where = config.dbUser() + "@" + config.dbHost() + ":" + config.dbPort();
        Properties props = new Properties();
        props.setProperty("user", config.dbUser());
        props.setProperty("password", config.dbPassword());
        props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_MS));
        String url = RelayDatabase.jdbcUrl(config, "");
        try (Connection connection = DriverManager.getConnection(url, props);
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT @@log_bin, @@binlog_format, @@binlog_row_image")) {
                rs.next();
                boolean logBin = rs.getBoolean(1);
                String format = rs.getString(2);
                String rowImage = rs.getString(3);
                if (!logBin || !"ROW".equalsIgnoreCase(format) || !"FULL".equalsIgnoreCase(rowImage)) {
                    throw new OutboxRelayException("Outbox relay '" + config.name() + "' cannot read changes from "
                            + where + ": the binlog must be on and row-based, but log_bin=" + (logBin ? "ON" : "OFF")
                            + ", binlog_format=" + format + ", binlog_row_image=" + rowImage
                            + ". Start MariaDB with log-bin, binlog_format=ROW, binlog_row_image=FULL and a"
                            + " server_id.");
                }
            }
            try (PreparedStatement tableQuery = connection.prepareStatement("SELECT COUNT(*) FROM"
                    + " information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
                tableQuery.setString(1, config.database());
                tableQuery.setString(2, config.table());
                ResultSet rs = tableQuery.executeQuery();
                rs.next();
                if (rs.getInt(1) == 0) {
                    log.warn("Outbox table {}.{} does not exist yet on {}; the relay captures it once it is created"
                            + " (run the migration that creates it)", config.database(), config.table(), where);
                }
            }
        } catch (SQLException e) {
            throw new OutboxRelayException("Outbox relay '" + config.name() + "' cannot connect to MariaDB at " + where
                    + " (within " + CONNECT_TIMEOUT_MS + " ms): " + e.getMessage()
                    + ". Check host, port, user and password, and that the server is up.", e);
        }
    }
}
