package kr.co.pg.settlement.localstack;

/** A running single-node Kafka (KRaft) broker. Obtain it from {@link LocalStack#kafka()}. */
public interface KafkaBroker {

    /** {@code host:port} of the PLAINTEXT listener, for {@code bootstrap.servers}. */
    String bootstrapServers();
}
