package kr.co.pg.settlement.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import kr.co.pg.settlement.events.FileFailed;
import kr.co.pg.settlement.events.FileSubmitted;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.localstack.KafkaTestClient;
import kr.co.pg.settlement.localstack.LocalStack;
import kr.co.pg.settlement.simulator.EmbeddedKisSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Catalogue 40: KIS's upload answered with 200 and an HTML page (a maintenance page or a proxy where KIS's JSON was
 * expected) is KIS trouble: retried, nothing published, nothing dead-lettered, the event left uncommitted; a gateway
 * that meets the real KIS afterwards uploads the file once. Real Kafka, the KIS simulator.
 */
class GatewayBadAnswersTest {

    @Test
    void anHtmlAnswerToAnUploadIsRetriedAndTheFileGoesThroughOnceKisAnswersProperly() throws Exception {
        String bootstrap = LocalStack.kafka().bootstrapServers();
        AtomicInteger htmlAnswers = new AtomicInteger();
        HttpServer maintenancePage = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        maintenancePage.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                byte[] page = "<html><body>Service maintenance</body></html>".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page);
                }
                htmlAnswers.incrementAndGet();
            }
        });
        maintenancePage.start();
        String fileId = GatewayTestData.fileId("S1", 951);
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrap, List.of(Topics.FILE_SUBMITTED, Topics.FILE_FAILED,
                Topics.DLT_GATEWAY));
             EmbeddedKisSimulator simulator = EmbeddedKisSimulator.start(Files.createTempDirectory("kis-sim-gw-html"),
                     GatewayServiceTest.SECRET, Duration.ofMillis(300))) {
            ConfigurableApplicationContext behindMaintenancePage = GatewayServiceTest.startGateway(bootstrap,
                    "http://127.0.0.1:" + maintenancePage.getAddress().getPort());
            try {
                kafka.send(Topics.SETTLEMENT_FILE_REQUESTED, fileId,
                        GatewayTestData.settlementFile(fileId, 951, 2, "TXH951-"));
                // resilience4j's attempts, then redeliveries of the uncommitted event
                await().atMost(Duration.ofSeconds(60)).until(() -> htmlAnswers.get() >= 5);
                assertThat(kafka.events(Topics.FILE_SUBMITTED, fileId, FileSubmitted.class)).isEmpty();
                assertThat(kafka.events(Topics.FILE_FAILED, fileId, FileFailed.class)).isEmpty();
                assertThat(kafka.received(Topics.DLT_GATEWAY, r -> fileId.equals(r.key()))).isEmpty();
            } finally {
                behindMaintenancePage.close();
                maintenancePage.stop(0);
            }
            ConfigurableApplicationContext gateway = GatewayServiceTest.startGateway(bootstrap, simulator.baseUrl());
            try {
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        !kafka.events(Topics.FILE_SUBMITTED, fileId, FileSubmitted.class).isEmpty());
                assertThat(simulator.filesWithKey(fileId)).hasSize(1);
                assertThat(kafka.events(Topics.FILE_FAILED, fileId, FileFailed.class)).isEmpty();
            } finally {
                gateway.close();
            }
        }
    }
}
