package kr.co.pg.settlement.outbox;

import io.debezium.config.Configuration;
import io.debezium.document.DocumentReader;
import io.debezium.document.DocumentWriter;
import io.debezium.relational.history.AbstractSchemaHistory;
import io.debezium.relational.history.HistoryRecord;
import io.debezium.relational.history.HistoryRecordComparator;
import io.debezium.relational.history.SchemaHistory;
import io.debezium.relational.history.SchemaHistoryException;
import io.debezium.relational.history.SchemaHistoryListener;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Debezium schema history in the outbox database (table {@code outbox_relay_schema_history}), shared by every
 * instance of the relay. It holds only the captured outbox table's DDL, so it stays a few rows. Writes are fenced
 * by the relay lock like the offsets.
 *
 * <p>Created by the connector (public, no-arg constructor); configured by {@link DebeziumProperties}.
 */
public final class JdbcSchemaHistory extends AbstractSchemaHistory {

    static final String PREFIX = SchemaHistory.CONFIGURATION_FIELD_PREFIX_STRING + "outbox.";

    private final DocumentWriter writer = DocumentWriter.defaultWriter();
    private final DocumentReader reader = DocumentReader.defaultReader();
    private StateAccess access;
    private long nextSeq;

    public JdbcSchemaHistory() {
    }

    @Override
    public void configure(Configuration config, HistoryRecordComparator comparator, SchemaHistoryListener listener,
                          boolean useCatalogBeforeSchema) {
        super.configure(config, comparator, listener, useCatalogBeforeSchema);
        access = StateAccess.from(config.asMap(), PREFIX);
    }

    @Override
    public synchronized void start() {
        super.start();
        try {
            access.readRows("SELECT COALESCE(MAX(seq), 0) FROM " + RelayDatabase.HISTORY_TABLE
                    + " WHERE relay_name = ?", row -> nextSeq = row.getLong(1) + 1);
        } catch (SQLException e) {
            throw new SchemaHistoryException("Outbox relay '" + access.relayName() + "' cannot read its schema"
                    + " history from " + RelayDatabase.HISTORY_TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected synchronized void storeRecord(HistoryRecord record) throws SchemaHistoryException {
        if (record == null) {
            return;
        }
        try (Connection connection = access.open()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + RelayDatabase.HISTORY_TABLE
                    + " (relay_name, seq, record, created_at) VALUES (?, ?, ?, ?)")) {
                access.requireLock(connection);
                insert.setString(1, access.relayName());
                insert.setLong(2, nextSeq);
                insert.setString(3, writer.write(record.document()));
                insert.setTimestamp(4, new Timestamp(System.currentTimeMillis()));
                insert.executeUpdate();
                connection.commit();
                nextSeq++;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new SchemaHistoryException("Outbox relay '" + access.relayName() + "' could not store a schema"
                    + " history record in " + RelayDatabase.HISTORY_TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected synchronized void recoverRecords(Consumer<HistoryRecord> records) {
        try {
            access.readRows("SELECT seq, record FROM " + RelayDatabase.HISTORY_TABLE
                    + " WHERE relay_name = ? ORDER BY seq", row -> {
                        long seq = row.getLong(1);
                        try {
                            records.accept(new HistoryRecord(reader.read(row.getString(2))));
                        } catch (IOException e) {
                            throw new SchemaHistoryException("Outbox relay '" + access.relayName() + "': schema"
                                    + " history record seq=" + seq + " in " + RelayDatabase.HISTORY_TABLE
                                    + " is not valid JSON: " + e.getMessage(), e);
                        }
                    });
        } catch (SQLException e) {
            throw new SchemaHistoryException("Outbox relay '" + access.relayName() + "' cannot read its schema"
                    + " history from " + RelayDatabase.HISTORY_TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists() {
        try {
            AtomicBoolean found = new AtomicBoolean();
            access.readRows("SELECT 1 FROM " + RelayDatabase.HISTORY_TABLE + " WHERE relay_name = ? LIMIT 1",
                    row -> found.set(true));
            return found.get();
        } catch (SQLException e) {
            throw new SchemaHistoryException("Outbox relay '" + access.relayName() + "' cannot read "
                    + RelayDatabase.HISTORY_TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean storageExists() {
        try (Connection connection = access.open()) {
            return RelayDatabase.tableExists(connection, RelayDatabase.HISTORY_TABLE);
        } catch (SQLException e) {
            throw new SchemaHistoryException("Outbox relay '" + access.relayName() + "' cannot check for table "
                    + RelayDatabase.HISTORY_TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void initializeStorage() {
        try (Connection connection = access.open(); Statement statement = connection.createStatement()) {
            statement.execute(RelayDatabase.HISTORY_DDL);
        } catch (SQLException e) {
            throw new SchemaHistoryException("Outbox relay '" + access.relayName() + "' cannot create table "
                    + RelayDatabase.HISTORY_TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "outbox relay schema history in " + RelayDatabase.HISTORY_TABLE + " (" + access + ")";
    }
}
