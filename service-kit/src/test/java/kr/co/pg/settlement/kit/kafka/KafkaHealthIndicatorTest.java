package kr.co.pg.settlement.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import kr.co.pg.settlement.localstack.LocalStack;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

/** Health {@code kafka}: UP with the real broker's cluster id; DOWN within the timeout when no broker answers. */
class KafkaHealthIndicatorTest {

    @Test
    void upWithTheClusterIdOfARealBroker() {
        KafkaClusterProbe probe = new KafkaClusterProbe(new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalStack.kafka().bootstrapServers())), "kit-test");
        try {
            Health health = new KafkaHealthIndicator(probe).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsKeys("clusterId", "controller").containsEntry("brokers", 1);
        } finally {
            probe.destroy();
        }
    }

    @Test
    void downWithinTheTimeoutWhenNoBrokerAnswers() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        KafkaClusterProbe probe = new KafkaClusterProbe(new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + closedPort)), "kit-test");
        try {
            long start = System.nanoTime();
            Health health = new KafkaHealthIndicator(probe).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(String.valueOf(health.getDetails().get("reason"))).contains("KAFKA_BOOTSTRAP_SERVERS");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        } finally {
            probe.destroy();
        }
    }
}
