package kr.co.pg.settlement.poller.application;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kit.tracing.TraceContinuation;
import kr.co.pg.settlement.poller.domain.KisUnavailableException;
import kr.co.pg.settlement.poller.domain.PendingReceipt;
import kr.co.pg.settlement.poller.domain.PollBackoff;
import kr.co.pg.settlement.poller.domain.ReceiptState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Polls pending receipts (every interval, and at once on a RESULT kick-off), a bounded number in parallel.
 * DONE -> validated results published, receipt PUBLISHED; FAILED -> FileFailed (resendable), FAILED_PUBLISHED;
 * an invalid result or KIS trouble keeps the receipt PENDING with its error, looked at again after a backoff.
 * Nothing is ever given up: the error and the count of attempts stay visible in pending_receipt.
 * Several instances may run: each polls only the receipts it claimed (lease settlement.poller.claim-lease).
 */
@Service
public class PollReceiptsService {

    private static final Logger log = LoggerFactory.getLogger(PollReceiptsService.class);
    static final String POLL_OBSERVATION = "settlement.poller.receipt";

    private final PendingReceiptStore store;
    private final KisResultsPort kis;
    private final ResultEventsPort events;
    private final PollerSettings settings;
    private final Clock clock;
    private final ResultFileProcessor results;
    private final PollBackoff backoff;
    private final ExecutorService workers;
    /** One poll round at a time: a kick-off waits for the scheduled round and then polls again. */
    private final ReentrantLock round = new ReentrantLock();
    /** This instance's name on the receipts it claims; other instances skip them until the lease ends. */
    private final String owner;
    /** A receipt is polled in the trace of the FileSubmitted that recorded it (the kick-off's). */
    private final TraceContinuation traces;

    /** An instance under a new random owner (tests): after a restart its old claims wait for their lease. */
    public PollReceiptsService(PendingReceiptStore store, KisResultsPort kis, ResultEventsPort events,
                               PollerSettings settings, Clock clock, MeterRegistry meters) {
        this(store, kis, events, settings, clock, meters, ClaimOwner.random(), TraceContinuation.NONE);
    }

    @Autowired
    public PollReceiptsService(PendingReceiptStore store, KisResultsPort kis, ResultEventsPort events,
                               PollerSettings settings, Clock clock, MeterRegistry meters, ClaimOwner owner,
                               TraceContinuation traces) {
        this.owner = owner.id();
        this.traces = traces;
        this.store = store;
        this.kis = kis;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.results = new ResultFileProcessor(kis, events, settings, meters);
        this.backoff = new PollBackoff(settings.interval(), settings.maxBackoff());
        this.workers = Executors.newFixedThreadPool(settings.parallelism(), runnable -> {
            Thread thread = new Thread(runnable, "kis-poll-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The regular round: receipts whose next poll is due. */
    public void pollDue() {
        round.lock();
        try {
            LocalDateTime now = now();
            pollAll(store.claimDue(owner, now, now.plus(settings.claimLease()), settings.batchLimit()));
        } finally {
            round.unlock();
        }
    }

    /** A RESULT kick-off: every pending receipt of this request type, now, whatever its backoff. */
    public void pollNow(FileType requestType) {
        round.lock();
        try {
            LocalDateTime now = now();
            pollAll(store.claimPending(owner, requestType, now, now.plus(settings.claimLease()),
                    settings.batchLimit()));
        } finally {
            round.unlock();
        }
    }

    private void pollAll(List<PendingReceipt> receipts) {
        if (receipts.isEmpty()) {
            return;
        }
        List<Future<?>> running = new ArrayList<>(receipts.size());
        for (PendingReceipt receipt : receipts) {
            running.add(workers.submit(() -> traces.run(receipt.traceparent(), POLL_OBSERVATION,
                    () -> pollOne(receipt))));
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                log.error("poll task failed unexpectedly", e.getCause());
            }
        }
    }

    void pollOne(PendingReceipt receipt) {
        LocalDateTime polledAt = now();
        try {
            ReceiptState state = kis.status(receipt.receiptNo());
            if (state instanceof ReceiptState.InProgress) {
                store.recordInProgress(receipt.receiptNo(), owner, polledAt, polledAt.plus(settings.interval()));
            } else if (state instanceof ReceiptState.Failed failed) {
                events.fileFailed(receipt, failed.message());
                store.markFailedPublished(receipt.receiptNo(), owner, failed.message(), now());
                log.warn("KIS could not process {}: {}. Published FileFailed (resendable): the collector sends"
                        + " its records again in a new file.", receipt, failed.message());
            } else {
                ResultFileProcessor.Result result = results.process(receipt);
                switch (result.outcome()) {
                    case PUBLISHED -> store.markPublished(receipt.receiptNo(), owner, now());
                    case NOT_READY -> store.recordInProgress(receipt.receiptNo(), owner, polledAt,
                            polledAt.plus(settings.interval()));
                    case INVALID -> failedAttempt(receipt, polledAt, result.problem());
                }
            }
        } catch (KisUnavailableException e) {
            log.warn("{}: no usable answer from KIS ({}); polled again later", receipt, e.getMessage());
            failedAttempt(receipt, polledAt, e.getMessage());
        } catch (RuntimeException e) {
            log.error("{}: poll failed ({}); the receipt stays PENDING and is polled again later", receipt,
                    e.toString(), e);
            failedAttempt(receipt, polledAt, e.toString());
        }
    }

    private void failedAttempt(PendingReceipt receipt, LocalDateTime polledAt, String problem) {
        store.recordError(receipt.receiptNo(), owner, problem, polledAt,
                polledAt.plus(backoff.after(receipt.attempts() + 1)));
    }

    /** The name this instance claims receipts under. */
    public String owner() {
        return owner;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
