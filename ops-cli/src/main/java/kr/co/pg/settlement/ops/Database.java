package kr.co.pg.settlement.ops;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** One database the commands read (plain JDBC: a command opens one connection and closes it). */
public record Database(String label, String url, String user, String password) {

    public Connection connect() {
        try {
            Connection connection = DriverManager.getConnection(url, user, password == null ? "" : password);
            connection.setReadOnly(true);
            return connection;
        } catch (SQLException e) {
            throw new OpsException(label + " at " + url + " unreachable: " + e.getMessage()
                    + " (check the URL, user and password)", e);
        }
    }

    /** Rows of a query by its first column (the key) and second (a count), in the query's order. */
    public Map<String, Long> countBy(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw failed("counting rows (" + sql + ")", e);
        }
    }

    /** A failed query as one actionable line. */
    public OpsException failed(String what, SQLException e) {
        return new OpsException(label + " at " + url + ": " + what + " failed: " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return label + " " + url + " (user " + user + ")";
    }
}
