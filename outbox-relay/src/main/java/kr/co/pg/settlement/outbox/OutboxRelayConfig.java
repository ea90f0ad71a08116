package kr.co.pg.settlement.outbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of one {@link OutboxRelay}.
 *
 * @param dbHost       MariaDB host whose binlog is read
 * @param dbPort       MariaDB port
 * @param dbUser       user with SELECT on the outbox table and REPLICATION SLAVE, REPLICATION CLIENT (and RELOAD
 *                     for snapshots) globally
 * @param dbPassword   its password (from configuration/environment, never hard-coded)
 * @param database     database (schema) holding the outbox table
 * @param table        outbox table name, e.g. {@code outbox_event}
 * @param serverId     replication client id; MUST be unique among all replicas and binlog readers of the same
 *                     MariaDB server (two relays, or a relay and a replica, with the same id kick each other off
 *                     the server). 1..4294967295.
 * @param stateDir     directory for the Debezium offset file and schema history file; keep it across restarts
 *                     (persistent volume) so a restart resumes at the committed binlog position without a new
 *                     snapshot. One directory per relay; never share it between two running relays.
 * @param name         relay name (letters, digits, '.', '_', '-'); used as engine name and Debezium topic.prefix
 * @param maxBatchSize most binlog rows handed to the relay at once; each batch is sent and acknowledged by Kafka
 *                     before its offset is committed
 * @param pollInterval how long the connector waits for new binlog rows before handing over a partial batch
 */
public record OutboxRelayConfig(String dbHost, int dbPort, String dbUser, String dbPassword, String database,
                                String table, long serverId, Path stateDir, String name, int maxBatchSize,
                                Duration pollInterval) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_$]+");
    private static final Pattern RELAY_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final long MAX_SERVER_ID = 4_294_967_295L;

    public OutboxRelayConfig {
        requireText(dbHost, "dbHost");
        requireText(dbUser, "dbUser");
        Objects.requireNonNull(dbPassword, "dbPassword must not be null (use an empty string for no password)");
        Objects.requireNonNull(stateDir, "stateDir must not be null");
        Objects.requireNonNull(pollInterval, "pollInterval must not be null");
        if (dbPort < 1 || dbPort > 65_535) {
            throw new IllegalArgumentException("dbPort must be 1..65535 but was " + dbPort);
        }
        requireMatch(database, "database", IDENTIFIER);
        requireMatch(table, "table", IDENTIFIER);
        requireMatch(name, "name", RELAY_NAME);
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
    }

    /** The password is left out so the config can be logged. */
    @Override
    public String toString() {
        return "OutboxRelayConfig[name=" + name + ", db=" + dbUser + "@" + dbHost + ":" + dbPort + "/" + database
                + "." + table + ", serverId=" + serverId + ", stateDir=" + stateDir + ", maxBatchSize=" + maxBatchSize
                + ", pollInterval=" + pollInterval + "]";
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
