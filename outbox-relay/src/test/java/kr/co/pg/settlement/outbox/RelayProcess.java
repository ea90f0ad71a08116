package kr.co.pg.settlement.outbox;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A relay instance in a JVM of its own, for the test that kills it with SIGKILL. Prints {@link #ACTIVE_LINE} once it
 * streams the binlog, then runs until killed (or until its stdin closes). Arguments: host port user password database table serverId name retryMillis
 * bootstrapServers.
 */
final class RelayProcess {

    static final String ACTIVE_LINE = "RELAY-PROCESS-ACTIVE";

    private RelayProcess() {
    }

    public static void main(String[] args) throws IOException {
        OutboxRelayConfig config = new OutboxRelayConfig(args[0], Integer.parseInt(args[1]), args[2], args[3],
                args[4], args[5], Long.parseLong(args[6]), args[7], 500, Duration.ofMillis(50),
                Duration.ofMillis(Long.parseLong(args[8])));
        Properties p = new Properties();
        p.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[9],
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "5"));
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p);
        OutboxRelay relay = new OutboxRelay(config, producer);
        relay.start();
        OutboxFixture.awaitStreaming(config); // first-start snapshot done: rows inserted from now on are sent once
        System.out.println(ACTIVE_LINE);
        System.out.flush();
        // runs until SIGKILL; should the test JVM die first, its end of stdin closes and this process ends too
        while (System.in.read() != -1) {
            Thread.onSpinWait();
        }
        System.exit(1);
    }
}
