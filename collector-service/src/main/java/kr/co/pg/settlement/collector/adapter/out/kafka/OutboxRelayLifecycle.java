package kr.co.pg.settlement.collector.adapter.out.kafka;

import java.time.Duration;
import kr.co.pg.settlement.outbox.OutboxRelay;
import kr.co.pg.settlement.outbox.OutboxRelayConfig;
import kr.co.pg.settlement.outbox.OutboxRelayStatus;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the Debezium outbox relay while the application runs. Lifecycle beans start after every singleton is
 * created, so after Flyway created outbox_event. Off with settlement.outbox.relay-enabled=false. With several
 * collector instances one relays and the others stand by ({@link #relayStatus()} tells which).
 */
@Component
@EnableConfigurationProperties(OutboxRelayProperties.class)
@ConditionalOnProperty(name = "settlement.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
class OutboxRelayLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayLifecycle.class);

    private final OutboxRelayConfig config;
    private final ProducerFactory<String, byte[]> producerFactory;
    private volatile OutboxRelay relay;
    private volatile Producer<String, byte[]> producer;

    @SuppressWarnings("unchecked")
    OutboxRelayLifecycle(OutboxRelayProperties p, DataSourceProperties dataSource, ProducerFactory<?, ?> producerFactory) {
        OutboxRelayProperties.JdbcTarget target = p.dbHost() != null && p.database() != null
                ? new OutboxRelayProperties.JdbcTarget(p.dbHost(), p.dbPort() == null ? 3306 : p.dbPort(), p.database())
                : OutboxRelayProperties.JdbcTarget.parse(dataSource.getUrl());
        String user = p.dbUser() != null ? p.dbUser() : dataSource.getUsername();
        String password = p.dbPassword() != null ? p.dbPassword() : dataSource.getPassword();
        if (p.serverId() == null) {
            throw new IllegalStateException("settlement.outbox.server-id is not set: give the collectors a binlog client"
                    + " id unique on the MariaDB server, the same on every collector instance (e.g."
                    + " SETTLEMENT_OUTBOX_SERVER_ID=5401)");
        }
        String name = p.name() == null ? "collector-outbox" : p.name();
        this.config = new OutboxRelayConfig(target.host(), target.port(), user, password == null ? "" : password,
                target.database(), "outbox_event", p.serverId(), name,
                p.maxBatchSize() == null ? 50 : p.maxBatchSize(),
                p.pollInterval() == null ? Duration.ofMillis(100) : p.pollInterval(),
                p.standbyRetryInterval() == null ? Duration.ofSeconds(5) : p.standbyRetryInterval(),
                p.tls(dataSource.getUrl()));
        this.producerFactory = (ProducerFactory<String, byte[]>) producerFactory;
    }

    @Override
    public void start() {
        producer = producerFactory.createProducer();
        OutboxRelay r = new OutboxRelay(config, producer);
        r.start();
        relay = r;
    }

    @Override
    public void stop() {
        OutboxRelay r = relay;
        relay = null;
        if (r != null) {
            r.close();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
            producer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return relay != null;
    }

    @Override
    public int getPhase() {
        // before the Kafka listener containers (which start late): events of a run must be able to leave
        return 0;
    }

    /** This instance's relay state (active or standby, last relayed row, binlog position); null when stopped. */
    OutboxRelayStatus relayStatus() {
        OutboxRelay r = relay;
        return r == null ? null : r.status();
    }

    /** Highest outbox id Kafka acknowledged from this instance; 0 before the first, and always 0 on a standby. */
    long lastRelayedId() {
        OutboxRelay r = relay;
        return r == null ? 0 : r.lastRelayedId();
    }

    boolean relayRunning() {
        OutboxRelay r = relay;
        return r != null && r.isRunning();
    }
}
