package kr.co.pg.settlement.kit.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * One Kafka Admin client for health and metrics: the cluster's answer, and the records kept on a topic. Created
 * lazily, so a service starts while the brokers are still down; its calls time out after 3 s.
 */
public class KafkaClusterProbe implements DisposableBean {

    /** What the cluster answered. */
    public record ClusterInfo(String clusterId, int brokers, String controller) {
    }

    private static final int TIMEOUT_MS = 3000;
    private final LazyAdmin admin;

    /** {@code clientId} names this service's admin client in the broker logs (unless the admin settings name one). */
    public KafkaClusterProbe(KafkaAdmin kafkaAdmin, String clientId) {
        this.admin = new LazyAdmin(kafkaAdmin, clientId, Duration.ofMillis(TIMEOUT_MS));
    }

    /** describeCluster within {@code timeout}; throws when the cluster does not answer in time. */
    public ClusterInfo describe(Duration timeout) throws Exception {
        DescribeClusterResult r = admin().describeCluster(new DescribeClusterOptions()
                .timeoutMs((int) timeout.toMillis()));
        long ms = timeout.toMillis();
        return new ClusterInfo(r.clusterId().get(ms, TimeUnit.MILLISECONDS),
                r.nodes().get(ms, TimeUnit.MILLISECONDS).size(),
                String.valueOf(r.controller().get(ms, TimeUnit.MILLISECONDS)));
    }

    /** Records currently kept on {@code topic}: the sum over its partitions of end minus start offset. */
    public long retainedRecords(String topic) throws InterruptedException, ExecutionException, TimeoutException {
        List<TopicPartition> partitions = admin().describeTopics(List.of(topic)).allTopicNames()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin().listOffsets(partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> start = admin().listOffsets(partitions.stream()
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()))).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        long total = 0;
        for (TopicPartition p : partitions) {
            total += Math.max(0, end.get(p).offset() - start.get(p).offset());
        }
        return total;
    }

    private Admin admin() {
        return admin.get();
    }

    @Override
    public void destroy() {
        admin.destroy();
    }
}
