package kr.co.pg.settlement.ops.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import kr.co.pg.settlement.events.ConsumerGroups;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.ops.OpsTestSupport;
import kr.co.pg.settlement.ops.OpsTestSupport.Run;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class StatusCommandTest {

    @Test
    void showsLagBacklogReceiptsStuckRowsAndHealthWithDownServicesAsDown() throws Exception {
        String db = OpsTestSupport.settlementDb("ops_status");
        String poller = OpsTestSupport.pollerDb("ops_status_poller");
        OpsTestSupport.execute(db,
                "INSERT INTO outbox_event (event_id, event_type, topic, event_key, business_date, payload, created_at)"
                        + " VALUES ('e1', 'SettlementFileRequested', 't', 'k', '2025-02-17', x'7b7d', '2025-02-17 07:15:01')",
                "INSERT INTO payment_transaction (transaction_id, sub_merchant_id, card_company, card_type, transaction_type,"
                        + " approval_no, approved_at, masked_card_no, amount, applied_fee_rate, fee_amount, diff_status,"
                        + " diff_updated_at) VALUES ('T1', 'SM1', 'KB', 'CREDIT', 'APPROVAL', '1', '2025-02-16 10:00:00',"
                        + " '123456******1234', 1000, 2.300, 23, 'SENT', '2025-02-17 07:15:05'),"
                        + " ('T2', 'SM1', 'KB', 'CREDIT', 'APPROVAL', '2', '2025-02-16 10:00:00', '123456******1234', 1000,"
                        + " 2.300, 23, 'SENT', NOW(3))");
        OpsTestSupport.execute(poller, "INSERT INTO pending_receipt (receipt_no, file_id, file_type, business_date, file_date,"
                + " file_seq, record_count, status, next_poll_at, submitted_at) VALUES ('R1', 'S1-20250217-000001', 'S1',"
                + " '2025-02-17', '2025-02-17', 1, 1, 'PENDING', NOW(3), '2025-02-17 07:15:02')");
        OpsTestSupport.createTopics(new NewTopic(Topics.FILE_SUBMITTED, 6, (short) 1));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", OpsTestSupport.kafka()))) {
            admin.alterConsumerGroupOffsets(ConsumerGroups.POLLER,
                    Map.of(new TopicPartition(Topics.FILE_SUBMITTED, 0), new OffsetAndMetadata(0))).all().get();
        }
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/actuator/health", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        collector.start();
        try {
            Map<String, String> env = new HashMap<>(OpsTestSupport.env(db, poller));
            env.put("COLLECTOR_URL", "http://127.0.0.1:" + collector.getAddress().getPort());
            env.put("GATEWAY_URL", "http://127.0.0.1:1");

            long t0 = System.nanoTime();
            Run run = OpsTestSupport.run(env, "status");
            System.out.println("status took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            System.out.println(run.out());

            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out())
                    .containsPattern("settlement-status-poller \\(EMPTY, 0 member\\(s\\)\\)")
                    .containsPattern(Topics.FILE_SUBMITTED + "\\s+committed\\s+0\\s+end\\s+0\\s+lag\\s+0")
                    .contains("1 rows, oldest created 2025-02-17T07:15:01 KST")
                    .contains("1 pending, oldest submitted 2025-02-17T07:15:02 KST")
                    .contains("{transactions SENT=1}")
                    .containsPattern("collector\\s+http://127.0.0.1:\\d+  UP")
                    .containsPattern("gateway\\s+http://127.0.0.1:1  DOWN \\(")
                    .contains("poller     not configured (POLLER_URL)");
        } finally {
            collector.stop(0);
        }
    }
}
