package kr.co.pg.settlement.poller.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import kr.co.pg.settlement.events.InvalidEventException;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.events.KickoffRequested;
import kr.co.pg.settlement.poller.domain.KisUnavailableException;
import kr.co.pg.settlement.poller.domain.ReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

/** RESULT kick-offs against plain fakes of the ports (and a transaction manager that only counts): no Spring. */
class KickoffServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T01:00:00Z"), ZoneId.of("Asia/Seoul"));
    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path workDir;

    private final FakeReceiptStore store = new FakeReceiptStore()
            .with(PollReceiptsServiceTest.receipt("RCP20261124000000001", 1));
    private final CountingTransactions transactions = new CountingTransactions();
    private PollReceiptsService poller;

    private KickoffService service() {
        KisResultsPort kisProcessing = new KisResultsPort() {
            @Override
            public ReceiptState status(String receiptNo) {
                return new ReceiptState.InProgress("PROCESSING");
            }

            @Override
            public boolean download(String receiptNo, Path target) {
                throw new KisUnavailableException("not expected", null);
            }
        };
        poller = new PollReceiptsService(store, kisProcessing, null,
                new PollerSettings(Duration.ofSeconds(30), Duration.ofMinutes(10), 10, 1, workDir, 100), CLOCK,
                new SimpleMeterRegistry());
        return new KickoffService(poller, store, CLOCK, transactions, 7);
    }

    @AfterEach
    void stop() {
        if (poller != null) {
            poller.stop();
        }
    }

    @Test
    void aResultKickoffMakesItsReceiptsDueAndPollsThemAtOnceOnce() {
        KickoffService kickoffs = service();
        KickoffRequested kickoff = kickoff("k-1", Job.DIFF_SETTLEMENT_RESULT, DAY);

        kickoffs.handle(kickoff);
        kickoffs.handle(kickoff);

        assertThat(store.writes).containsExactly("made due S1", "claimed pending S1",
                "RCP20261124000000001 in progress, next poll 2026-11-24T10:00:30");
        assertThat(transactions.committed).isEqualTo(2);
    }

    @Test
    void aRequestKickoffIsNotThePollersAndChangesNothing() {
        service().handle(kickoff("k-2", Job.DIFF_SETTLEMENT_REQUEST, DAY));

        assertThat(store.writes).isEmpty();
        assertThat(store.processed).isEmpty();
    }

    @Test
    void aBusinessDateTooFarAheadIsAnInvalidEvent() {
        KickoffService kickoffs = service();

        assertThatThrownBy(() -> kickoffs.handle(kickoff("k-3", Job.DIFF_SETTLEMENT_RESULT, DAY.plusDays(30))))
                .isInstanceOf(InvalidEventException.class);
        assertThat(store.writes).isEmpty();
    }

    private static KickoffRequested kickoff(String id, Job job, LocalDate businessDate) {
        return new KickoffRequested(id, job, businessDate, OffsetDateTime.now(CLOCK), "test");
    }

    /** Runs the callback as if in a transaction; counts the commits. */
    private static final class CountingTransactions implements PlatformTransactionManager {
        int committed;

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
            committed++;
        }

        @Override
        public void rollback(TransactionStatus status) {
        }
    }
}
