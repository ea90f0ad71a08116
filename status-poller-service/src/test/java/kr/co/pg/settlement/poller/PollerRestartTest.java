package kr.co.pg.settlement.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.poller.application.ClaimOwner;
import org.junit.jupiter.api.Test;

/**
 * F2: a poller killed while it held a claim is started again on the same host and work directory: it is the same
 * claim owner and polls the receipt at once, not after the claim lease (10 minutes here). Real Kafka and MariaDB.
 */
class PollerRestartTest {

    @Test
    void aRestartedPollerTakesItsOwnClaimsBackAtOnce() throws Exception {
        try (PollerFixture fx = new PollerFixture(Duration.ofHours(1), Map.of(
                "settlement.poller.claim-lease", "10m",
                "settlement.poller.work-dir", Files.createTempDirectory("poller-restart").toString()))) {
            PollerFixture.Submitted s1 = fx.uploadS1(2);
            fx.publish(s1);
            await().atMost(Duration.ofSeconds(30)).until(() -> fx.receiptRows(s1.receiptNo()) == 1);
            String owner = fx.poller.getBean(ClaimOwner.class).id();
            // the instance dies in the middle of polling the receipt: its claim stays for the whole lease
            LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Seoul"));
            fx.jdbc.update("UPDATE pending_receipt SET claimed_by = ?, claimed_until = ? WHERE receipt_no = ?", owner,
                    now.plusMinutes(10), s1.receiptNo());

            fx.restartPoller();

            assertThat(fx.poller.getBean(ClaimOwner.class).id()).isEqualTo(owner);
            await().atMost(Duration.ofSeconds(30)).until(() -> fx.isDone(s1.receiptNo()));
            String kickoff = "{\"kickoffId\":\"restart-" + UUID.randomUUID() + "\",\"job\":\"DIFF_SETTLEMENT_RESULT\","
                    + "\"businessDate\":\"" + LocalDate.now(ZoneId.of("Asia/Seoul")) + "\"}";
            fx.sendRaw(Topics.KICKOFF, "DIFF_SETTLEMENT_RESULT", kickoff.getBytes(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(fx.receiptRow(s1.receiptNo()))
                    .containsEntry("status", "PUBLISHED").containsEntry("claimed_by", null));
            assertThat(fx.readAll(Topics.SETTLEMENT_RESULTS, s1.fileId(), s1.receiptNo())).isNotEmpty();
        }
    }
}
