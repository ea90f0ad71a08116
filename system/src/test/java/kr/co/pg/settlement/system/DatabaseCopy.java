package kr.co.pg.settlement.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A backup and a restore of whole databases on the same MariaDB server, for restore tests: {@link #copy} drops the
 * target database, creates it again and fills it with every table of the source - its DDL as {@code SHOW CREATE TABLE}
 * gives it (indexes and AUTO_INCREMENT counter included) and its rows by {@code INSERT ... SELECT}. A backup is
 * {@code copy(live, backup)}, a restore {@code copy(backup, live)} (services stopped, like any restore). Like a
 * logical restore through the mariadb client, the restore is written to the binlog. Call it while nothing writes
 * to the source: the copy is not one snapshot across tables.
 */
final class DatabaseCopy {

    private final String url;
    private final String user;
    private final String password;

    DatabaseCopy(String host, int port, String user, String password) {
        this.url = "jdbc:mariadb://" + host + ":" + port + "/";
        this.user = user;
        this.password = password;
    }

    void copy(String from, String to) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                ps.setString(1, from);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            if (tables.isEmpty()) {
                throw new IllegalStateException("database " + from + " has no tables: nothing to copy");
            }
            s.execute("DROP DATABASE IF EXISTS " + quote(to));
            s.execute("CREATE DATABASE " + quote(to) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            s.execute("SET FOREIGN_KEY_CHECKS = 0");
            for (String table : tables) {
                String ddl;
                try (ResultSet rs = s.executeQuery("SHOW CREATE TABLE " + quote(from) + "." + quote(table))) {
                    rs.next();
                    ddl = rs.getString(2);
                }
                s.execute("USE " + quote(to));
                s.execute(ddl);
                s.execute("INSERT INTO " + quote(to) + "." + quote(table) + " SELECT * FROM " + quote(from) + "."
                        + quote(table));
            }
            s.execute("SET FOREIGN_KEY_CHECKS = 1");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy database " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    private static String quote(String name) {
        if (!name.matches("[A-Za-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("not a plain database or table name: " + name);
        }
        return "`" + name + "`";
    }
}
