package kr.co.pg.settlement.gateway;

import kr.co.pg.settlement.simulator.EmbeddedKisSimulator;
import kr.co.pg.settlement.localstack.KafkaTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import kr.co.pg.settlement.events.FileSubmitted;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.localstack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** A gateway stopped with an uncommitted event, and started again, sends the file exactly once. */
class GatewayRestartTest {

    static EmbeddedKisSimulator simulator;
    static KafkaTestClient kafka;
    static String bootstrap;

    @BeforeAll
    static void start() throws Exception {
        bootstrap = LocalStack.kafka().bootstrapServers();
        simulator = EmbeddedKisSimulator.start(Files.createTempDirectory("kis-sim-gw-restart"), GatewayServiceTest.SECRET,
                Duration.ofMillis(300));
        kafka = new KafkaTestClient(bootstrap, List.of(Topics.FILE_SUBMITTED));
    }

    @AfterAll
    static void stop() {
        kafka.close();
        simulator.close();
    }

    @Test
    void gatewayStoppedWithAnUncommittedEventSendsTheFileOnceAfterRestart() {
        int seq = 900 + (int) (System.nanoTime() % 90);
        String fileId = GatewayTestData.fileId("S1", seq) + "-R";
        ConfigurableApplicationContext first = GatewayServiceTest.startGateway(bootstrap, simulator.baseUrl());
        try {
            simulator.faults("{\"unavailableShare\":1.0}");
            kafka.send(Topics.SETTLEMENT_FILE_REQUESTED, fileId,
                    GatewayTestData.settlementFile(fileId, seq, 2, "TXR" + seq + "-"));
            // the event is being retried against a KIS that answers 503 (one delivery's 3 attempts made): its
            // offset is not committed
            await().atMost(Duration.ofSeconds(30)).until(() -> GatewayProgress.kisCallsAnswered(first, "503") >= 3);
            assertThat(GatewayProgress.readToEnd(bootstrap, Topics.FILE_SUBMITTED, fileId)).isEmpty();
        } finally {
            first.close();
        }
        simulator.resetFaults();
        assertThat(simulator.filesWithKey(fileId)).isEmpty();

        ConfigurableApplicationContext second = GatewayServiceTest.startGateway(bootstrap, simulator.baseUrl());
        try {
            await().atMost(Duration.ofSeconds(40)).until(() ->
                    !kafka.events(Topics.FILE_SUBMITTED, fileId, FileSubmitted.class).isEmpty());
            // once the group has committed the request topic to its end, nothing else can come for this file
            GatewayProgress.awaitConsumedToEnd(bootstrap, Topics.SETTLEMENT_FILE_REQUESTED);
            assertThat(GatewayProgress.readToEnd(bootstrap, Topics.FILE_SUBMITTED, fileId)).hasSize(1);
        } finally {
            second.close();
        }
        assertThat(simulator.filesWithKey(fileId)).hasSize(1);
        assertThat(simulator.receivedCounts("S1")).containsEntry("TXR" + seq + "-00001", 1);
    }
}
