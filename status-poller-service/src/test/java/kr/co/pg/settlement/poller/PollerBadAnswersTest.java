package kr.co.pg.settlement.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import kr.co.pg.settlement.events.FileSubmitted;
import kr.co.pg.settlement.events.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * KIS answers the poller cannot use (docs/reliability.md, catalogue 29, 40, 43): the receipt stays PENDING and is
 * polled again, with backoff where the poll failed; nothing is published and nothing is given up. Real Kafka and
 * MariaDB, the KIS simulator behind a proxy that can answer HTML instead of KIS's JSON.
 */
class PollerBadAnswersTest {

    static HtmlAnsweringKisProxy proxy;
    static PollerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        proxy = new HtmlAnsweringKisProxy();
        fx = new PollerFixture(Duration.ofMillis(300), Map.of("kis.base-url", proxy.baseUrl()));
        proxy.forwardTo(fx.simulator.baseUrl());
    }

    /** Each test starts with KIS's circuit closed: another test's failures must not count as this one's. */
    @BeforeEach
    void closeTheCircuit() {
        fx.poller.getBean(CircuitBreakerRegistry.class).circuitBreaker("kis").reset();
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void anHtmlAnswerIsKisTroubleRetriedWithBackoffUntilKisAnswersProperly() throws Exception {
        proxy.broken(true);
        PollerFixture.Submitted s1;
        try {
            s1 = fx.uploadS1(2);
            fx.publish(s1);
            await().atMost(Duration.ofSeconds(60)).until(() -> fx.receiptRows(s1.receiptNo()) == 1
                    && ((Number) fx.receiptRow(s1.receiptNo()).get("attempts")).intValue() >= 2);
            Map<String, Object> row = fx.receiptRow(s1.receiptNo());
            assertThat(row).containsEntry("status", "PENDING");
            assertThat((String) row.get("last_error")).contains("200").containsIgnoringCase("html");
            assertThat(((Timestamp) row.get("next_poll_at")).after((Timestamp) row.get("last_polled_at"))).isTrue();
            assertThat(proxy.htmlAnswers.get()).isGreaterThanOrEqualTo(2);
            assertThat(fx.readAll(Topics.SETTLEMENT_RESULTS, s1.fileId(), s1.receiptNo())).isEmpty();
            assertThat(fx.readAll(Topics.FILE_FAILED, s1.fileId(), s1.receiptNo())).isEmpty();
        } finally {
            proxy.broken(false);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> "PUBLISHED".equals(fx.receiptRow(s1.receiptNo()).get("status")));
        assertThat(fx.readAll(Topics.SETTLEMENT_RESULTS, s1.fileId(), s1.receiptNo())).hasSize(1);
    }

    @Test
    void aReceiptKisDoesNotKnowStaysPendingAndIsPolledWithBackoffForEver() {
        String receipt = ("RZ" + UUID.randomUUID().toString().replace("-", "")).toUpperCase().substring(0, 20);
        String fileId = "S1-20261124-" + String.format("%06d", 800_000 + (int) (Math.random() * 99_999));
        fx.kafka.send(Topics.FILE_SUBMITTED, fileId, new FileSubmitted(FileSubmitted.eventIdFor(fileId),
                PollerFixture.DATE, fileId, "S1", PollerFixture.DATE, 1, receipt, 1, Instant.now()));

        // interval 300 ms, max-backoff 1 s: several attempts within seconds, each waiting longer, none the last
        await().atMost(Duration.ofSeconds(60)).until(() -> fx.receiptRows(receipt) == 1
                && ((Number) fx.receiptRow(receipt).get("attempts")).intValue() >= 4);
        Map<String, Object> row = fx.receiptRow(receipt);
        assertThat(row).containsEntry("status", "PENDING").containsEntry("completed_at", null);
        assertThat((String) row.get("last_error")).contains("404").contains(receipt);
        long waitMillis = ((Timestamp) row.get("next_poll_at")).getTime() - ((Timestamp) row.get("last_polled_at")).getTime();
        assertThat(waitMillis).as("backoff capped at max-backoff").isBetween(600L, 1000L);
        assertThat(fx.readAll(Topics.FILE_FAILED, fileId, receipt)).as("KIS said nothing about it failing").isEmpty();
        // out of the way of the other tests: its 404s would open KIS's circuit under them
        fx.jdbc.update("UPDATE pending_receipt SET status = 'FAILED_PUBLISHED', completed_at = NOW(3)"
                + " WHERE receipt_no = ?", receipt);
    }

    @Test
    void aReceiptThatNeverFinishesIsPolledEveryIntervalAndNothingIsPublished() {
        fx.simulator.faults("{\"delayedResultShare\": 1.0, \"resultDelayMillis\": 3600000}");
        try {
            PollerFixture.Submitted s1 = fx.uploadS1(1);
            fx.publish(s1);
            await().atMost(Duration.ofSeconds(60)).until(() -> fx.receiptRows(s1.receiptNo()) == 1
                    && fx.receiptRow(s1.receiptNo()).get("last_polled_at") != null);
            Map<String, Object> first = fx.receiptRow(s1.receiptNo());
            Timestamp firstPoll = (Timestamp) first.get("last_polled_at");
            // polled again and again (every 300 ms) while KIS says PROCESSING: not an error, no backoff
            await().atMost(Duration.ofSeconds(30)).until(() -> ((Timestamp) fx.receiptRow(s1.receiptNo())
                    .get("last_polled_at")).getTime() - firstPoll.getTime() >= 1_500);
            Map<String, Object> row = fx.receiptRow(s1.receiptNo());
            assertThat(row).containsEntry("status", "PENDING").containsEntry("attempts", 0)
                    .containsEntry("last_error", null);
            assertThat(((Timestamp) row.get("next_poll_at")).getTime() - ((Timestamp) row.get("last_polled_at"))
                    .getTime()).as("the regular interval").isEqualTo(300L);
            assertThat(fx.isDone(s1.receiptNo())).isFalse();
            assertThat(fx.readAll(Topics.SETTLEMENT_RESULTS, s1.fileId(), s1.receiptNo())).isEmpty();
        } finally {
            fx.simulator.resetFaults();
        }
    }
}
