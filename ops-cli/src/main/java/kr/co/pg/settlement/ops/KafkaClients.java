package kr.co.pg.settlement.ops;

import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka clients configured like the services' (String keys, byte[] JSON values, acks=all, idempotence, lz4, 32 MiB),
 * with short timeouts so an unreachable broker is reported in seconds, not minutes; over the connection's transport
 * security (SASL_SSL) when the environment asks for it.
 */
public final class KafkaClients {

    private static final int MAX_BYTES = 33554432;

    private KafkaClients() {
    }

    public static Admin admin(KafkaConnection kafka) {
        Map<String, Object> p = kafka.clientConfig();
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "settlement-ops-" + UUID.randomUUID());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return Admin.create(p);
    }

    /** A producer; {@code transactionalId} null for a plain idempotent one. */
    public static KafkaProducer<String, byte[]> producer(KafkaConnection kafka, String transactionalId) {
        Map<String, Object> p = kafka.clientConfig();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_BYTES);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "settlement-ops-" + UUID.randomUUID());
        if (transactionalId != null) {
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** A consumer without a group (assign + seek only): it never commits and never joins the services' groups. */
    public static KafkaConsumer<String, byte[]> reader(KafkaConnection kafka, boolean readCommitted) {
        Map<String, Object> p = kafka.clientConfig();
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_BYTES);
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, MAX_BYTES);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "settlement-ops-" + UUID.randomUUID());
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
