package kr.co.pg.settlement.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A running MariaDB (11.4, binlog on, ROW/FULL, server_id 1, utf8mb4_bin) reachable over TCP.
 * Obtain it from {@link LocalStack#mariaDb()}; give every test class its own database name.
 */
public interface MariaDbServer {

    String host();

    int port();

    /** Always "root": it holds REPLICATION SLAVE/CLIENT, which Debezium needs. */
    String username();

    /** Empty for the embedded server. */
    String password();

    /** Creates the database if absent and returns {@code jdbc:mariadb://host:port/database}. */
    default String jdbcUrl(String database) {
        createDatabase(database);
        return "jdbc:mariadb://" + host() + ":" + port() + "/" + database;
    }

    /** {@code CREATE DATABASE IF NOT EXISTS name} with utf8mb4 / utf8mb4_bin. */
    default void createDatabase(String name) {
        execute("CREATE DATABASE IF NOT EXISTS `" + DatabaseNames.check(name)
                + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }

    /** {@code DROP DATABASE IF EXISTS name}. */
    default void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS `" + DatabaseNames.check(name) + "`");
    }

    private void execute(String sql) {
        String url = "jdbc:mariadb://" + host() + ":" + port() + "/";
        try (Connection connection = DriverManager.getConnection(url, username(), password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + host() + ":" + port() + ": '" + sql + "' failed: "
                    + e.getMessage(), e);
        }
    }

}
