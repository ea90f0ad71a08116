package kr.co.pg.settlement.outbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The relay's leadership: a MariaDB named lock ({@code GET_LOCK}) held by a dedicated connection of the active
 * instance. The server releases it the moment that session ends - process killed (the kernel closes the socket),
 * connection killed - and, if the instance's host vanishes without closing the socket, after the session's
 * {@code wait_timeout}, which the holder keeps short and never reaches itself because it checks the lock every
 * {@link #HEARTBEAT}. {@code connectionId} is the MariaDB id of the lock session (what {@code IS_USED_LOCK} returns
 * while it is held).
 */
record RelayLock(Connection connection, String name, long connectionId) implements AutoCloseable {

    /** How often the holder checks, on the lock connection, that it still holds the lock. */
    static final Duration HEARTBEAT = Duration.ofSeconds(1);
    /** Server-side idle limit of the lock session: a holder silent this long (host gone) loses the lock. */
    static final int SESSION_WAIT_TIMEOUT_SECONDS = 15;
    /** A lock check that takes this long counts as a lost connection. */
    static final int SOCKET_TIMEOUT_MS = 10_000;
    private static final int MAX_LOCK_NAME = 64;

    /** Server-wide lock name of a relay: database and relay name (hashed when over MariaDB's 64 characters). */
    static String lockName(OutboxRelayConfig config) {
        String plain = "outbox-relay:" + config.database() + ":" + config.name();
        if (plain.length() <= MAX_LOCK_NAME) {
            return plain;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plain.getBytes(StandardCharsets.UTF_8));
            return "outbox-relay:" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Tries once, without waiting, to take the lock.
     *
     * @return the held lock, or no lock and the MariaDB connection id of the session holding it
     * @throws SQLException if MariaDB cannot be reached or refuses
     */
    static Attempt tryAcquire(OutboxRelayConfig config) throws SQLException {
        String name = lockName(config);
        Connection connection = RelayDatabase.open(RelayDatabase.jdbcUrl(config), config.dbUser(), config.dbPassword(),
                SOCKET_TIMEOUT_MS);
        boolean keep = false;
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION wait_timeout = " + SESSION_WAIT_TIMEOUT_SECONDS);
            }
            try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, 0), CONNECTION_ID(),"
                    + " IS_USED_LOCK(?)")) {
                lock.setString(1, name);
                lock.setString(2, name);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    int acquired = rs.getInt(1);
                    long self = rs.getLong(2);
                    long holder = rs.getLong(3);
                    if (acquired == 1) {
                        keep = true;
                        return new Attempt(new RelayLock(connection, name, self), self);
                    }
                    return new Attempt(null, holder);
                }
            }
        } finally {
            if (!keep) {
                connection.close();
            }
        }
    }

    /** Asks the server, on the lock connection itself; false if the connection is broken or slow. */
    boolean stillHeld() {
        try (PreparedStatement check = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
            check.setString(1, name);
            try (ResultSet rs = check.executeQuery()) {
                rs.next();
                long holder = rs.getLong(1);
                return !rs.wasNull() && holder == connectionId;
            }
        } catch (SQLException e) {
            return false;
        }
    }

    /** Releases the lock and closes its connection (closing alone would release it too). */
    @Override
    public void close() {
        try (PreparedStatement release = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            release.setString(1, name);
            release.executeQuery().close();
        } catch (SQLException ignored) {
            // the connection is gone: the server released the lock with the session
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing more to release
            }
        }
    }

    /** Outcome of one try: {@code lock} is null when another session ({@code holderConnectionId}) holds it. */
    record Attempt(RelayLock lock, long holderConnectionId) {
        boolean acquired() {
            return lock != null;
        }
    }
}
