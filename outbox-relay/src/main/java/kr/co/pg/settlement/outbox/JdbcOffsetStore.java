package kr.co.pg.settlement.outbox;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.storage.MemoryOffsetBackingStore;

/**
 * Kafka Connect offset store in the outbox database (table {@code outbox_relay_offset}, one row per offset key of
 * the relay), so that any instance of the relay resumes where the last active one committed. Each write first
 * checks that this instance's relay lock is still held ({@link RelayDatabase#requireLockHolder}); an instance that
 * lost it fails the write instead of moving the shared position.
 *
 * <p>Created by the Debezium engine (public, no-arg constructor); configured by {@link DebeziumProperties}.
 */
public final class JdbcOffsetStore extends MemoryOffsetBackingStore {

    static final String PREFIX = "offset.storage.outbox.";

    private StateAccess access;
    /** Used only on the store's executor thread (save) and in stop, after the executor ended. */
    private Connection connection;

    public JdbcOffsetStore() {
    }

    @Override
    public void configure(WorkerConfig config) {
        super.configure(config);
        configure(StateAccess.from(config.originalsStrings(), PREFIX));
    }

    void configure(StateAccess state) {
        this.access = state;
    }

    @Override
    public synchronized void start() {
        super.start();
        Map<ByteBuffer, ByteBuffer> loaded = new HashMap<>();
        try {
            access.readRows("SELECT offset_key, offset_value FROM " + RelayDatabase.OFFSET_TABLE
                    + " WHERE relay_name = ?", row -> {
                        byte[] value = row.getBytes(2);
                        loaded.put(ByteBuffer.wrap(row.getBytes(1)), value == null ? null : ByteBuffer.wrap(value));
                    });
        } catch (SQLException e) {
            throw new ConnectException("Outbox relay '" + access.relayName() + "' cannot read its offsets from "
                    + RelayDatabase.OFFSET_TABLE + " (" + access.url() + "): " + e.getMessage(), e);
        }
        data.putAll(loaded);
    }

    /** Runs on the store's single executor thread after {@code set} put the new values into {@code data}. */
    @Override
    protected void save() {
        try {
            Connection connection = connection();
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + RelayDatabase.OFFSET_TABLE
                    + " (relay_name, offset_key, offset_value, updated_at, holder) VALUES (?, ?, ?, ?, ?)"
                    + " ON DUPLICATE KEY UPDATE offset_value = VALUES(offset_value),"
                    + " updated_at = VALUES(updated_at), holder = VALUES(holder)")) {
                access.requireLock(connection);
                Timestamp now = new Timestamp(System.currentTimeMillis());
                for (Map.Entry<ByteBuffer, ByteBuffer> entry : data.entrySet()) {
                    if (entry.getKey() == null) {
                        continue;
                    }
                    upsert.setString(1, access.relayName());
                    upsert.setBytes(2, bytes(entry.getKey()));
                    upsert.setBytes(3, entry.getValue() == null ? null : bytes(entry.getValue()));
                    upsert.setTimestamp(4, now);
                    upsert.setString(5, access.holder());
                    upsert.addBatch();
                }
                upsert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                discardConnection();
                throw e;
            }
        } catch (SQLException e) {
            throw new ConnectException("Outbox relay '" + access.relayName() + "' could not write its offsets to "
                    + RelayDatabase.OFFSET_TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        super.stop();
        discardConnection();
    }

    /** One connection, kept between saves (they come after every batch); replaced after any failure. */
    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = access.open();
            connection.setAutoCommit(false);
        }
        return connection;
    }

    private void discardConnection() {
        Connection toClose = connection;
        connection = null;
        if (toClose != null) {
            try {
                toClose.rollback();
                toClose.close();
            } catch (SQLException ignored) {
                // broken anyway; the next save opens a new one
            }
        }
    }

    @Override
    public Set<Map<String, Object>> connectorPartitions(String connectorName) {
        // only used by the distributed Connect worker, never by the embedded engine
        return Set.of();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
