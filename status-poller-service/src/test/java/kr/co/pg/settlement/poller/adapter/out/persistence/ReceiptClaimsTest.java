package kr.co.pg.settlement.poller.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kr.co.pg.settlement.events.RegistrationResultsReceived.RegistrationResult;
import kr.co.pg.settlement.events.SettlementResultsReceived.SettlementResult;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.poller.application.KisResultsPort;
import kr.co.pg.settlement.poller.application.PollReceiptsService;
import kr.co.pg.settlement.poller.application.PollerSettings;
import kr.co.pg.settlement.poller.application.ResultEventsPort;
import kr.co.pg.settlement.poller.domain.PendingReceipt;
import kr.co.pg.settlement.poller.domain.ReceiptState;
import org.junit.jupiter.api.Test;

/** Two poller instances on one real database never poll the same receipt at the same time (claims with a lease). */
class ReceiptClaimsTest {

    private static final Clock CLOCK = Clock.system(ZoneId.of("Asia/Seoul"));

    /** KIS that answers "still processing" and counts status calls per receipt, and overlapping ones. */
    static final class CountingKis implements KisResultsPort {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        final AtomicInteger overlaps = new AtomicInteger();

        @Override
        public ReceiptState status(String receiptNo) {
            calls.computeIfAbsent(receiptNo, r -> new AtomicInteger()).incrementAndGet();
            AtomicInteger flying = inFlight.computeIfAbsent(receiptNo, r -> new AtomicInteger());
            if (flying.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            flying.decrementAndGet();
            return new ReceiptState.InProgress("PROCESSING");
        }

        @Override
        public boolean download(String receiptNo, Path target) {
            return false;
        }
    }

    static final class NoEvents implements ResultEventsPort {
        @Override
        public void registrationResults(PendingReceipt r, int part, int count, List<RegistrationResult> results) {
            throw new AssertionError("nothing is published here");
        }

        @Override
        public void settlementResults(PendingReceipt r, int part, int count, List<SettlementResult> results) {
            throw new AssertionError("nothing is published here");
        }

        @Override
        public void fileFailed(PendingReceipt receipt, String kisMessage) {
            throw new AssertionError("nothing is published here");
        }
    }

    private static PollReceiptsService poller(PollerDatabase db, KisResultsPort kis) throws Exception {
        PollerSettings settings = new PollerSettings(Duration.ofHours(1), Duration.ofHours(1), 100, 4,
                Files.createTempDirectory("claims-work"), 150, Duration.ofMinutes(10));
        return new PollReceiptsService(db.store, kis, new NoEvents(), settings, CLOCK, new SimpleMeterRegistry());
    }

    @Test
    void twoInstancesPollingAtOnceTakeEachDueReceiptOnce() throws Exception {
        PollerDatabase db = new PollerDatabase("poller_claims_it");
        db.addReceipts(300, FileType.S1, LocalDateTime.now(CLOCK).minusMinutes(1));
        CountingKis kis = new CountingKis();
        PollReceiptsService first = poller(db, kis);
        PollReceiptsService second = poller(db, kis);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<?> a = threads.submit(() -> {
                start.await();
                first.pollDue();
                return null;
            });
            Future<?> b = threads.submit(() -> {
                start.await();
                second.pollDue();
                return null;
            });
            start.countDown();
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        // each round takes at most 150 (batch limit): together they took all 300, none twice
        assertThat(kis.calls).hasSize(300);
        assertThat(kis.calls.values()).allMatch(n -> n.get() == 1);
        assertThat(kis.overlaps.get()).isZero();
        assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM pending_receipt WHERE claimed_by IS NOT NULL"
                + " OR last_polled_at IS NULL", Integer.class)).as("every claim released after its poll").isZero();
    }

    @Test
    void aClaimIsExclusiveUntilItsLeaseExpiresAndALostClaimChangesNothing() {
        PollerDatabase db = new PollerDatabase("poller_lease_it");
        LocalDateTime now = LocalDateTime.now(CLOCK);
        db.addReceipts(5, FileType.R1, now.minusMinutes(1));
        JdbcPendingReceiptStore store = db.store;

        List<PendingReceipt> mine = store.claimDue("instance-a", now, now.plusMinutes(10), 10);
        assertThat(mine).hasSize(5);
        assertThat(store.claimDue("instance-b", now, now.plusMinutes(10), 10)).isEmpty();
        assertThat(store.claimPending("instance-b", FileType.R1, now, now.plusMinutes(10), 10))
                .as("a kick-off's poll skips claimed receipts too").isEmpty();

        // instance-a stalls past its lease: instance-b takes the receipts over
        LocalDateTime later = now.plusMinutes(11);
        List<PendingReceipt> takenOver = store.claimDue("instance-b", later, later.plusMinutes(10), 10);
        assertThat(takenOver).hasSize(5);
        String receipt = takenOver.get(0).receiptNo();
        store.markPublished(receipt, "instance-a", later);
        assertThat(db.jdbc.queryForObject("SELECT status FROM pending_receipt WHERE receipt_no = ?", String.class, receipt))
                .as("instance-a lost its claim: its late update is ignored").isEqualTo("PENDING");
        store.recordInProgress(receipt, "instance-b", later, later.plusMinutes(1));
        assertThat(db.jdbc.queryForMap("SELECT claimed_by, last_polled_at FROM pending_receipt WHERE receipt_no = ?",
                receipt)).containsEntry("claimed_by", null).doesNotContainEntry("last_polled_at", null);
        assertThat(store.claimPending("instance-a", FileType.R1, later, later.plusMinutes(10), 10))
                .extracting(PendingReceipt::receiptNo).containsExactly(receipt);
    }
}
