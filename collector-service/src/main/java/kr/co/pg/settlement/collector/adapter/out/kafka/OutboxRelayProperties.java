package kr.co.pg.settlement.collector.adapter.out.kafka;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import kr.co.pg.settlement.outbox.DatabaseTls;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * settlement.outbox.*: the Debezium relay of outbox_event. DB host/port/database default to those of
 * spring.datasource.url, the user to spring.datasource.*; a user of its own needs only the grants of
 * docs/outbox-relay.md "Database user" (REPLICATION SLAVE/CLIENT, SELECT on outbox_event, its two state tables). Every collector instance runs a relay; one relays, the others stand by
 * and try to take over every {@code standbyRetryInterval}. {@code serverId} must differ from the other binlog
 * readers of the server and be the SAME on all collector instances. Offsets live in the database: no local state.
 * TLS to MariaDB ({@code dbSslMode}: disable, required, verify_ca, verify_identity; {@code dbSslCa}: PEM file of the
 * CA) defaults to the {@code sslMode} and {@code serverSslCert} options of spring.datasource.url, so the relay's binlog
 * stream is as protected as the service's own connections.
 */
@ConfigurationProperties("settlement.outbox")
record OutboxRelayProperties(Boolean relayEnabled, String dbHost, Integer dbPort, String database, String dbUser,
                             String dbPassword, Long serverId, String name, Integer maxBatchSize,
                             Duration pollInterval, Duration standbyRetryInterval, Duration cleanupInterval,
                             Integer cleanupBatchSize, String dbSslMode, String dbSslCa) {

    boolean enabled() {
        return relayEnabled == null || relayEnabled;
    }

    /** TLS of the relay's connections: the explicit settings, else those of spring.datasource.url. */
    DatabaseTls tls(String datasourceUrl) {
        Map<String, String> options = JdbcTarget.options(datasourceUrl);
        String mode = dbSslMode != null ? dbSslMode : options.get("sslMode");
        String ca = dbSslCa != null ? dbSslCa : options.get("serverSslCert");
        return new DatabaseTls(DatabaseTls.Mode.parse(mode), ca == null || ca.isBlank() ? null : Path.of(ca));
    }

    record JdbcTarget(String host, int port, String database) {

        /** The {@code ?name=value&...} options of a JDBC URL (empty for none or no URL). */
        static Map<String, String> options(String jdbcUrl) {
            Map<String, String> options = new HashMap<>();
            int query = jdbcUrl == null ? -1 : jdbcUrl.indexOf('?');
            if (query < 0) {
                return options;
            }
            for (String pair : jdbcUrl.substring(query + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    options.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
            return options;
        }

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
