package kr.co.pg.settlement.poller;

import kr.co.pg.settlement.localstack.KafkaTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.events.EventHeaders;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.events.FileFailed;
import kr.co.pg.settlement.events.RegistrationResultsReceived;
import kr.co.pg.settlement.events.SettlementResultsReceived;
import kr.co.pg.settlement.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The poller against real Kafka, real MariaDB and the KIS simulator; polls every 500 ms, 2 records per event. */
class PollerServiceTest {

    static PollerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new PollerFixture(Duration.ofMillis(500));
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    @AfterEach
    void noFaults() {
        fx.simulator.resetFaults();
    }

    @Test
    void settlementResultsArePublishedInPartsWithExactlyTheRecordsOfTheS2File() throws Exception {
        PollerFixture.Submitted s = fx.uploadS1(5);
        fx.publish(s);

        List<SettlementResultsReceived> parts = awaitSettlementParts(s, 3);
        assertThat(parts).extracting(SettlementResultsReceived::eventId).containsExactly(
                "s2:" + s.receiptNo() + ":1", "s2:" + s.receiptNo() + ":2", "s2:" + s.receiptNo() + ":3");
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.partCount()).isEqualTo(3);
            assertThat(p.fileId()).isEqualTo(s.fileId());
            assertThat(p.receiptNo()).isEqualTo(s.receiptNo());
            assertThat(p.businessDate()).isEqualTo(PollerFixture.DATE);
        });
        assertThat(parts.stream().flatMap(p -> p.results().stream()).toList())
                .containsExactlyElementsOf(fx.expectedSettlementResults(s.receiptNo()));
        await().atMost(Duration.ofSeconds(10)).until(() -> "PUBLISHED".equals(fx.receiptRow(s.receiptNo()).get("status")));
        ConsumerRecord<String, byte[]> first = fx.kafka.received(Topics.SETTLEMENT_RESULTS,
                r -> s.fileId().equals(r.key())).get(0);
        assertThat(KafkaTestClient.header(first, EventHeaders.EVENT_TYPE)).isEqualTo("SettlementResultsReceived");
    }

    @Test
    void registrationResultsArePublishedWithExactlyTheRecordsOfTheR2File() throws Exception {
        PollerFixture.Submitted s = fx.uploadR1();
        fx.publish(s);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                !fx.kafka.events(Topics.REGISTRATION_RESULTS, s.fileId(), RegistrationResultsReceived.class).isEmpty());
        List<RegistrationResultsReceived> parts = fx.kafka.events(Topics.REGISTRATION_RESULTS, s.fileId(),
                RegistrationResultsReceived.class);
        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).eventId()).isEqualTo(RegistrationResultsReceived.eventIdFor(s.receiptNo(), 1));
        assertThat(parts.get(0).results()).containsExactlyElementsOf(fx.expectedRegistrationResults(s.receiptNo()));
        assertThat(parts.get(0).results()).extracting(RegistrationResultsReceived.RegistrationResult::resultCode)
                .contains("0000", "E101");
    }

    @Test
    void corruptedResultIsNotAppliedAndIsFetchedAgainUntilAGoodFileIsServed() throws Exception {
        MeterRegistry meters = fx.poller.getBean(MeterRegistry.class);
        double invalidBefore = invalidCount(meters);
        fx.simulator.faults("{\"corruptedResultShare\":1.0,\"corruptedDownloads\":2}");
        PollerFixture.Submitted s = fx.uploadS1(3);
        fx.simulator.resetFaults();
        fx.publish(s);

        await().atMost(Duration.ofSeconds(30)).until(() -> fx.receiptRows(s.receiptNo()) == 1
                && fx.receiptRow(s.receiptNo()).get("last_error") != null);
        Map<String, Object> row = fx.receiptRow(s.receiptNo());
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat((String) row.get("last_error")).contains("recordCount").contains(s.receiptNo());
        assertThat(((Number) row.get("attempts")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(fx.kafka.events(Topics.SETTLEMENT_RESULTS, s.fileId(), SettlementResultsReceived.class)).isEmpty();
        assertThat(invalidCount(meters)).isGreaterThan(invalidBefore);

        List<SettlementResultsReceived> parts = awaitSettlementParts(s, 2);
        assertThat(parts.stream().flatMap(p -> p.results().stream()).toList())
                .containsExactlyElementsOf(fx.expectedSettlementResults(s.receiptNo()));
        assertThat(invalidCount(meters) - invalidBefore).isEqualTo(2.0);
        await().atMost(Duration.ofSeconds(10)).until(() -> "PUBLISHED".equals(fx.receiptRow(s.receiptNo()).get("status")));
    }

    @Test
    void failedReceiptPublishesAResendableFileFailed() {
        fx.simulator.faults("{\"failedShare\":1.0}");
        PollerFixture.Submitted s = fx.uploadS1(2);
        fx.simulator.resetFaults();
        fx.publish(s);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                !fx.kafka.events(Topics.FILE_FAILED, s.fileId(), FileFailed.class).isEmpty());
        FileFailed failed = fx.kafka.events(Topics.FILE_FAILED, s.fileId(), FileFailed.class).get(0);
        assertThat(failed.resendable()).isTrue();
        assertThat(failed.eventId()).isEqualTo(FileFailed.eventIdFor(s.fileId(), s.receiptNo()));
        assertThat(failed.receiptNo()).isEqualTo(s.receiptNo());
        assertThat(failed.fileType()).isEqualTo("S1");
        assertThat(failed.message()).contains("SEND THE RECORDS AGAIN");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                "FAILED_PUBLISHED".equals(fx.receiptRow(s.receiptNo()).get("status")));
        assertThat(fx.kafka.events(Topics.SETTLEMENT_RESULTS, s.fileId(), SettlementResultsReceived.class)).isEmpty();
    }

    @Test
    void duplicateFileSubmittedGivesOnePendingReceiptAndResultsPublishedOnce() {
        PollerFixture.Submitted s = fx.uploadS1(2);
        fx.publish(s);
        fx.publish(s);

        awaitSettlementParts(s, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "PUBLISHED".equals(fx.receiptRow(s.receiptNo()).get("status")));
        // a late duplicate after publication changes nothing and publishes nothing again
        fx.awaitConsumed(fx.sendRaw(Topics.FILE_SUBMITTED, s.fileId(), EventJson.write(s.event())));
        assertThat(fx.readAll(Topics.SETTLEMENT_RESULTS, s.fileId(), s.receiptNo())).hasSize(1);
        assertThat(fx.receiptRows(s.receiptNo())).isEqualTo(1);
        assertThat(fx.receiptRow(s.receiptNo()).get("status")).isEqualTo("PUBLISHED");
    }

    private static double invalidCount(MeterRegistry meters) {
        var counter = meters.find("kis.result.invalid").tag("fileType", "S2").counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<SettlementResultsReceived> awaitSettlementParts(PollerFixture.Submitted s, int parts) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                fx.kafka.events(Topics.SETTLEMENT_RESULTS, s.fileId(), SettlementResultsReceived.class).size() >= parts);
        List<SettlementResultsReceived> events = fx.kafka.events(Topics.SETTLEMENT_RESULTS, s.fileId(),
                SettlementResultsReceived.class).stream().sorted(Comparator.comparingInt(SettlementResultsReceived::part))
                .toList();
        assertThat(events).hasSize(parts);
        return events;
    }
}
