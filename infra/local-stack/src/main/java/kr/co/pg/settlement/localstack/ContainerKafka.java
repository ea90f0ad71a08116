package kr.co.pg.settlement.localstack;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** apache/kafka 4.2.1 in Docker, configured like {@link EmbeddedKafka}. */
record ContainerKafka(KafkaContainer container) implements KafkaBroker, AutoCloseable {

    @SuppressWarnings("resource") // closed by close()
    static ContainerKafka start() {
        KafkaContainer container = new KafkaContainer(DockerImageName.parse("apache/kafka:4.2.1"))
                .withEnv("KAFKA_MESSAGE_MAX_BYTES", "33554432")
                .withEnv("KAFKA_REPLICA_FETCH_MAX_BYTES", "33554432")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_NUM_PARTITIONS", "1");
        container.start();
        return new ContainerKafka(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
