package kr.co.pg.settlement.outbox;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of one {@link OutboxRelay} instance. Its offsets, schema history and lock live in {@code database}, so
 * any number of instances with the same settings form one relay: one relays, the others stand by.
 *
 * @param dbHost       MariaDB host whose binlog is read
 * @param dbPort       MariaDB port
 * @param dbUser       user with SELECT on the outbox table and REPLICATION SLAVE, REPLICATION CLIENT (and RELOAD
 *                     for snapshots) globally
 * @param dbPassword   its password (from configuration/environment, never hard-coded)
 * @param database     database (schema) holding the outbox table
 * @param table        outbox table name, e.g. {@code outbox_event}
 * @param serverId     replication client id, 1..4294967295; MUST differ from every replica and other binlog reader
 *                     of the same MariaDB server. Give all instances of one relay (same name) the SAME id: only the
 *                     active one connects, and should a stale instance still be connected, the server drops it
 *                     when the new active one registers.
 * @param name         relay name (letters, digits, '.', '_', '-'); engine name, Debezium topic.prefix, key of the
 *                     relay's offsets and schema history in the database, and part of its lock name. Instances with
 *                     the same name and database are one relay in active/standby.
 * @param maxBatchSize most binlog rows handed to the relay at once; each batch is sent and acknowledged by Kafka
 *                     before its offset is committed
 * @param pollInterval how long the connector waits for new binlog rows before handing over a partial batch
 * @param standbyRetryInterval how often a standby instance tries to take the relay lock (e.g. 5 s); a killed
 *                     active instance is replaced within about this interval plus the engine's start
 * @param tls          TLS of every connection to MariaDB (JDBC and binlog stream); {@link DatabaseTls#DISABLED}
 *                     for plain text
 */
public record OutboxRelayConfig(String dbHost, int dbPort, String dbUser, String dbPassword, String database,
                                String table, long serverId, String name, int maxBatchSize, Duration pollInterval,
                                Duration standbyRetryInterval, DatabaseTls tls) {

    /** Without TLS to MariaDB. */
    public OutboxRelayConfig(String dbHost, int dbPort, String dbUser, String dbPassword, String database,
                             String table, long serverId, String name, int maxBatchSize, Duration pollInterval,
                             Duration standbyRetryInterval) {
        this(dbHost, dbPort, dbUser, dbPassword, database, table, serverId, name, maxBatchSize, pollInterval,
                standbyRetryInterval, DatabaseTls.DISABLED);
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_$]+");
    private static final Pattern RELAY_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final long MAX_SERVER_ID = 4_294_967_295L;
    /** Width of relay_name in the state tables. */
    private static final int MAX_NAME_LENGTH = 100;

    public OutboxRelayConfig {
        requireText(dbHost, "dbHost");
        requireText(dbUser, "dbUser");
        Objects.requireNonNull(dbPassword, "dbPassword must not be null (use an empty string for no password)");
        Objects.requireNonNull(pollInterval, "pollInterval must not be null");
        Objects.requireNonNull(standbyRetryInterval, "standbyRetryInterval must not be null");
        Objects.requireNonNull(tls, "tls must not be null (DatabaseTls.DISABLED for plain text)");
        if (dbPort < 1 || dbPort > 65_535) {
            throw new IllegalArgumentException("dbPort must be 1..65535 but was " + dbPort);
        }
        requireMatch(database, "database", IDENTIFIER);
        requireMatch(table, "table", IDENTIFIER);
        requireMatch(name, "name", RELAY_NAME);
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name '" + name + "' is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (serverId < 1 || serverId > MAX_SERVER_ID) {
            throw new IllegalArgumentException("serverId must be 1.." + MAX_SERVER_ID + " and unique per binlog reader"
                    + " of the server, but was " + serverId);
        }
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1 but was " + maxBatchSize);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive but was " + pollInterval);
        }
        if (standbyRetryInterval.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("standbyRetryInterval must be at least 100 ms but was "
                    + standbyRetryInterval);
        }
    }

    /** The password is left out so the config can be logged. */
    @Override
    public String toString() {
        return "OutboxRelayConfig[name=" + name + ", db=" + dbUser + "@" + dbHost + ":" + dbPort + "/" + database
                + "." + table + ", serverId=" + serverId + ", maxBatchSize=" + maxBatchSize + ", pollInterval=" + pollInterval
                + ", standbyRetryInterval=" + standbyRetryInterval + ", tls=" + tls.mode()
                + (tls.caCertificate() == null ? "" : " ca " + tls.caCertificate()) + "]";
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    private static void requireMatch(String value, String field, Pattern pattern) {
        requireText(value, field);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " '" + value + "' may only contain " + pattern.pattern());
        }
    }
}
