package kr.co.pg.settlement.poller.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.poller.application.KisResultsPort;
import kr.co.pg.settlement.poller.application.PollReceiptsService;
import kr.co.pg.settlement.poller.application.PollerSettings;
import kr.co.pg.settlement.poller.domain.KisUnavailableException;
import kr.co.pg.settlement.poller.domain.ReceiptState;
import org.junit.jupiter.api.Test;

/**
 * Receipts that never end well are never given up and never spin: a receipt KIS does not know (404) is an attempt
 * with its error and a growing backoff; a receipt KIS keeps "processing" is polled again every interval.
 */
class ReceiptLifecycleTest {

    private static final Clock CLOCK = Clock.system(ZoneId.of("Asia/Seoul"));
    private static final Duration INTERVAL = Duration.ofMinutes(1);

    private static PollReceiptsService poller(PollerDatabase db, KisResultsPort kis) throws Exception {
        PollerSettings settings = new PollerSettings(INTERVAL, Duration.ofMinutes(15), 100, 2,
                Files.createTempDirectory("lifecycle-work"), 100, Duration.ofMinutes(10));
        return new PollReceiptsService(db.store, kis, new ReceiptClaimsTest.NoEvents(), settings, CLOCK,
                new SimpleMeterRegistry());
    }

    private static void makeDue(PollerDatabase db) {
        db.jdbc.update("UPDATE pending_receipt SET next_poll_at = ?", Timestamp.valueOf(LocalDateTime.now(CLOCK)
                .minusSeconds(1)));
    }

    private static Duration untilNextPoll(Map<String, Object> row) {
        return Duration.between(((Timestamp) row.get("last_polled_at")).toLocalDateTime(),
                ((Timestamp) row.get("next_poll_at")).toLocalDateTime());
    }

    @Test
    void aReceiptKisDoesNotKnowStaysPendingWithItsErrorAndABackoff() throws Exception {
        PollerDatabase db = new PollerDatabase("poller_unknown_receipt");
        String receipt = db.addReceipts(1, FileType.S1, LocalDateTime.now(CLOCK).minusMinutes(1)).get(0).receiptNo();
        AtomicInteger polls = new AtomicInteger();
        PollReceiptsService service = poller(db, new KisResultsPort() {
            @Override
            public ReceiptState status(String receiptNo) {
                polls.incrementAndGet();
                throw new KisUnavailableException("KIS 404 E404 for receipt " + receiptNo, null);
            }

            @Override
            public boolean download(String receiptNo, Path target) {
                throw new AssertionError("not downloadable");
            }
        });

        service.pollDue();
        Map<String, Object> first = db.jdbc.queryForMap("SELECT * FROM pending_receipt WHERE receipt_no = ?", receipt);
        assertThat(first).containsEntry("status", "PENDING").containsEntry("attempts", 1)
                .containsEntry("claimed_by", null);
        assertThat((String) first.get("last_error")).contains("KIS 404");
        assertThat(untilNextPoll(first)).isEqualTo(INTERVAL.multipliedBy(2));

        service.pollDue();
        assertThat(polls.get()).as("not due again before its backoff").isEqualTo(1);
        makeDue(db);
        service.pollDue();
        Map<String, Object> second = db.jdbc.queryForMap("SELECT * FROM pending_receipt WHERE receipt_no = ?", receipt);
        assertThat(second).containsEntry("status", "PENDING").containsEntry("attempts", 2);
        assertThat(untilNextPoll(second)).isEqualTo(INTERVAL.multipliedBy(4));
    }

    @Test
    void aReceiptKisKeepsProcessingIsPolledEveryIntervalForEver() throws Exception {
        PollerDatabase db = new PollerDatabase("poller_never_done");
        String receipt = db.addReceipts(1, FileType.R1, LocalDateTime.now(CLOCK).minusMinutes(1)).get(0).receiptNo();
        ReceiptClaimsTest.CountingKis kis = new ReceiptClaimsTest.CountingKis();
        PollReceiptsService service = poller(db, kis);
        for (int round = 1; round <= 3; round++) {
            service.pollDue();
            Map<String, Object> row = db.jdbc.queryForMap("SELECT * FROM pending_receipt WHERE receipt_no = ?", receipt);
            assertThat(row).containsEntry("status", "PENDING").containsEntry("attempts", 0)
                    .containsEntry("claimed_by", null);
            assertThat(untilNextPoll(row)).isEqualTo(INTERVAL);
            makeDue(db);
        }
        assertThat(kis.calls.get(receipt).get()).isEqualTo(3);
    }
}
