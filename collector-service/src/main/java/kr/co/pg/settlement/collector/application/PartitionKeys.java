package kr.co.pg.settlement.collector.application;

/** Port: a record key that the producer's partitioner puts on a given partition of a topic. */
public interface PartitionKeys {

    /** A key starting with {@code base} that lands on partition {@code index} modulo the topic's partitions. */
    String keyFor(String topic, String base, int index);
}
