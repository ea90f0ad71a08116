package kr.co.pg.settlement.poller.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import kr.co.pg.settlement.events.InvalidFieldException;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.events.KickoffRequested;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.poller.application.KickoffService;
import kr.co.pg.settlement.poller.application.PendingReceiptStore;
import kr.co.pg.settlement.poller.application.PollReceiptsService;
import kr.co.pg.settlement.poller.application.PollerSettings;
import kr.co.pg.settlement.poller.domain.PendingReceipt;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** Defect: the poller's kick-off dedup row was not written in one transaction with the kick-off's effect. */
class KickoffTransactionTest {

    private static final Clock CLOCK = Clock.system(ZoneId.of("Asia/Seoul"));

    /** The real store, except that making receipts due fails (the database goes away mid-transaction). */
    record FailingStore(PendingReceiptStore real) implements PendingReceiptStore {
        @Override
        public void addIfAbsent(List<PendingReceipt> receipts, LocalDateTime submittedAt) {
            real.addIfAbsent(receipts, submittedAt);
        }

        @Override
        public List<PendingReceipt> claimDue(String owner, LocalDateTime now, LocalDateTime until, int limit) {
            return real.claimDue(owner, now, until, limit);
        }

        @Override
        public List<PendingReceipt> claimPending(String owner, FileType type, LocalDateTime now, LocalDateTime until,
                                                 int limit) {
            return real.claimPending(owner, type, now, until, limit);
        }

        @Override
        public void recordInProgress(String receiptNo, String owner, LocalDateTime polledAt, LocalDateTime next) {
            real.recordInProgress(receiptNo, owner, polledAt, next);
        }

        @Override
        public void recordError(String receiptNo, String owner, String error, LocalDateTime at, LocalDateTime next) {
            real.recordError(receiptNo, owner, error, at, next);
        }

        @Override
        public void markPublished(String receiptNo, String owner, LocalDateTime completedAt) {
            real.markPublished(receiptNo, owner, completedAt);
        }

        @Override
        public void markFailedPublished(String receiptNo, String owner, String message, LocalDateTime completedAt) {
            real.markFailedPublished(receiptNo, owner, message, completedAt);
        }

        @Override
        public boolean markProcessed(String consumer, String eventId, LocalDateTime processedAt) {
            return real.markProcessed(consumer, eventId, processedAt);
        }

        @Override
        public int makeDue(FileType requestType, LocalDateTime now) {
            throw new IllegalStateException("connection lost");
        }
    }

    private static KickoffService kickoffs(PollerDatabase db, PendingReceiptStore store,
                                           ReceiptClaimsTest.CountingKis kis) throws Exception {
        PollerSettings settings = new PollerSettings(Duration.ofHours(1), Duration.ofHours(1), 100, 2,
                Files.createTempDirectory("kickoff-work"), 100, Duration.ofMinutes(10));
        PollReceiptsService poller = new PollReceiptsService(store, kis, new ReceiptClaimsTest.NoEvents(), settings,
                CLOCK, new SimpleMeterRegistry());
        return new KickoffService(poller, store, CLOCK, new DataSourceTransactionManager(db.dataSource), 31);
    }

    private static int processed(PollerDatabase db, String kickoffId) {
        return db.jdbc.queryForObject("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", Integer.class, kickoffId);
    }

    @Test
    void theDedupRowIsWrittenOnlyWithItsEffectAndARedeliveryRunsOnce() throws Exception {
        PollerDatabase db = new PollerDatabase("poller_kickoff_tx");
        db.addReceipts(3, FileType.S1, LocalDateTime.now(CLOCK).minusMinutes(5));
        db.jdbc.update("UPDATE pending_receipt SET next_poll_at = ?", LocalDateTime.now(CLOCK).plusHours(1));
        KickoffRequested kickoff = new KickoffRequested("k-tx-1", Job.DIFF_SETTLEMENT_RESULT,
                LocalDate.now(CLOCK), null, "test");

        ReceiptClaimsTest.CountingKis kis = new ReceiptClaimsTest.CountingKis();
        assertThatThrownBy(() -> kickoffs(db, new FailingStore(db.store), kis).handle(kickoff))
                .hasMessageContaining("connection lost");
        assertThat(processed(db, "k-tx-1")).as("the dedup row was rolled back with its effect").isZero();
        assertThat(kis.calls).isEmpty();

        KickoffService service = kickoffs(db, db.store, kis);
        service.handle(kickoff);                                  // the redelivery after the failure runs
        assertThat(processed(db, "k-tx-1")).isEqualTo(1);
        assertThat(kis.calls).hasSize(3);
        assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM pending_receipt WHERE last_polled_at IS NULL",
                Integer.class)).isZero();

        service.handle(kickoff);                                  // a second redelivery is ignored
        assertThat(kis.calls.values()).allMatch(n -> n.get() == 1);
    }

    @Test
    void aKickoffForAFarFutureDayIsInvalid() throws Exception {
        PollerDatabase db = new PollerDatabase("poller_kickoff_date");
        KickoffRequested kickoff = new KickoffRequested("k-far", Job.DIFF_SETTLEMENT_RESULT,
                LocalDate.now(CLOCK).plusDays(32), null, "test");
        assertThatThrownBy(() -> kickoffs(db, db.store, new ReceiptClaimsTest.CountingKis()).handle(kickoff))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("more than 31 days in the future");
        assertThat(processed(db, "k-far")).isZero();
    }
}
