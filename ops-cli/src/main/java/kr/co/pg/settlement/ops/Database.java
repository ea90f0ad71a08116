package kr.co.pg.settlement.ops;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

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

    /** A failed query as one actionable line. */
    public OpsException failed(String what, SQLException e) {
        return new OpsException(label + " at " + url + ": " + what + " failed: " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return label + " " + url + " (user " + user + ")";
    }
}
