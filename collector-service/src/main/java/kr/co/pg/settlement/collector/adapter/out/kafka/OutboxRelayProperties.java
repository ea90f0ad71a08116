package kr.co.pg.settlement.collector.adapter.out.kafka;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * settlement.outbox.*: the Debezium relay of outbox_event. DB host/port/database default to those of
 * spring.datasource.url; the user needs REPLICATION SLAVE/CLIENT, SELECT, RELOAD and CREATE (for the relay's state
 * tables) (spring.datasource.* by default). Every collector instance runs a relay; one relays, the others stand by
 * and try to take over every {@code standbyRetryInterval}. {@code serverId} must differ from the other binlog
 * readers of the server and be the SAME on all collector instances. Offsets live in the database: no local state.
 */
@ConfigurationProperties("settlement.outbox")
record OutboxRelayProperties(Boolean relayEnabled, String dbHost, Integer dbPort, String database, String dbUser,
                             String dbPassword, Long serverId, String name, Integer maxBatchSize,
                             Duration pollInterval, Duration standbyRetryInterval, Duration cleanupInterval,
                             Integer cleanupBatchSize) {

    boolean enabled() {
        return relayEnabled == null || relayEnabled;
    }

    record JdbcTarget(String host, int port, String database) {

        /** Parses jdbc:mariadb://host:port/database?options (or jdbc:mysql:). */
        static JdbcTarget parse(String jdbcUrl) {
            if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:")) {
                throw new IllegalArgumentException("spring.datasource.url '" + jdbcUrl + "' is not a JDBC URL;"
                        + " set settlement.outbox.db-host/db-port/database");
            }
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
            if (uri.getHost() == null || path.isEmpty()) {
                throw new IllegalArgumentException("cannot read host and database from spring.datasource.url '"
                        + jdbcUrl + "'; set settlement.outbox.db-host/db-port/database");
            }
            return new JdbcTarget(uri.getHost(), uri.getPort() < 0 ? 3306 : uri.getPort(), path);
        }
    }
}
