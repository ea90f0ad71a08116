package kr.co.pg.settlement.system;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import kr.co.pg.settlement.events.Job;

/**
 * Drives the four jobs of one business date by real kick-off messages, in the order of the daily schedule,
 * waiting for each to finish (by what the database shows) before the next. Returns how long each took.
 */
public final class BusinessDay {

    public record Timings(Duration registration, Duration settlementRequest, Duration settlementTotal) {
    }

    private final Kickoffs kickoffs;
    private final SettlementDb db;
    private final Consumer<String> progress;
    private final Duration timeout;

    public BusinessDay(Kickoffs kickoffs, SettlementDb db, Consumer<String> progress, Duration timeout) {
        this.kickoffs = kickoffs;
        this.db = db;
        this.progress = progress;
        this.timeout = timeout;
    }

    /**
     * The benchmark's settlement: both settlement kick-offs at once (the poller polls its receipts on its own
     * interval anyway), then the database polled every {@code pollEvery}. {@code allSent}: from the first kick-off
     * until no row of the day is COLLECTED or still NONE while its sub-merchant holds a preferential tier
     * (every request row is SENT or beyond); {@code allSettled}: until, besides, the request job_run is DONE and no
     * row is COLLECTED or SENT.
     */
    public record TogetherTimings(Duration allSent, Duration allSettled) {
    }

    public TogetherTimings settleTogether(LocalDate businessDate, Duration pollEvery) {
        long start = System.nanoTime();
        String request = kickoffs.send(Job.DIFF_SETTLEMENT_REQUEST, businessDate);
        kickoffs.send(Job.DIFF_SETTLEMENT_RESULT, businessDate);
        progress.accept("kick-off DIFF_SETTLEMENT_REQUEST and DIFF_SETTLEMENT_RESULT " + businessDate + " together ("
                + request + ")");
        Duration allSent = null;
        long deadline = start + timeout.toNanos();
        long nextReport = start + Duration.ofSeconds(10).toNanos();
        while (true) {
            long now = System.nanoTime();
            if (allSent == null && !db.anyRequestRowUnsent(businessDate)) {
                allSent = Duration.ofNanos(now - start);
                progress.accept("all request rows SENT or beyond after " + seconds(allSent));
            }
            if (allSent != null && db.jobRunStatus(request).filter("DONE"::equals).isPresent() && !db.anyRowInFlight()) {
                Duration allSettled = Duration.ofNanos(now - start);
                progress.accept("all settled after " + seconds(allSettled));
                return new TogetherTimings(allSent, allSettled);
            }
            if (now - deadline > 0) {
                throw new IllegalStateException("settlement not done within " + timeout + " (" + db.transactionsByStatus()
                        + ") - see the day report for rows stuck and files refused");
            }
            if (now - nextReport > 0) {
                // cheap on purpose: a GROUP BY over the day's rows would weigh on what is measured
                progress.accept("  waiting: " + (allSent == null ? "rows to send" : "results") + " ... "
                        + seconds(Duration.ofNanos(now - start)));
                nextReport = now + Duration.ofSeconds(10).toNanos();
            }
            pause(pollEvery);
        }
    }

    /** Registration only: both registration jobs, in order, until no sub-merchant is REQUESTED or SENT. */
    public Duration registration(LocalDate businessDate) {
        Instant start = Instant.now();
        requested(Job.SUBMERCHANT_REGISTRATION_REQUEST, businessDate);
        Duration registrationTime = resultsApplied(Job.SUBMERCHANT_REGISTRATION_RESULT, businessDate,
                "SELECT COUNT(*) FROM sub_merchant WHERE kis_reg_status IN ('REQUESTED','SENT')", start);
        progress.accept("registration done in " + seconds(registrationTime) + ": " + db.subMerchantsByStatus());
        return registrationTime;
    }

    public Timings run(LocalDate businessDate) {
        Duration registrationTime = registration(businessDate);

        Instant settlementStart = Instant.now();
        requested(Job.DIFF_SETTLEMENT_REQUEST, businessDate);
        Duration requestTime = Duration.between(settlementStart, Instant.now());
        progress.accept("collected in " + seconds(requestTime) + ": " + db.transactionsByStatus());
        Duration settlementTime = resultsApplied(Job.DIFF_SETTLEMENT_RESULT, businessDate,
                "SELECT COUNT(*) FROM payment_transaction WHERE diff_status IN ('COLLECTED','SENT')", settlementStart);
        progress.accept("settlement done in " + seconds(settlementTime) + ": " + db.transactionsByStatus());
        return new Timings(registrationTime, requestTime, settlementTime);
    }

    /** Kicks off a request job and waits until its run (job_run of the kick-off) is DONE. */
    private void requested(Job job, LocalDate businessDate) {
        String kickoffId = kickoffs.send(job, businessDate);
        progress.accept("kick-off " + job + " " + businessDate + " (" + kickoffId + ")");
        await(job + " collected", () -> db.jobRunStatus(kickoffId).filter("DONE"::equals).isPresent());
    }

    /** Kicks off a result job and waits until {@code openRows} counts none; returns the time since {@code start}. */
    private Duration resultsApplied(Job job, LocalDate businessDate, String openRows, Instant start) {
        kickoffs.send(job, businessDate);
        progress.accept("kick-off " + job + " " + businessDate);
        await(job + " applied", () -> db.count(openRows) == 0);
        return Duration.between(start, Instant.now());
    }

    private void await(String what, BooleanSupplier done) {
        Instant deadline = Instant.now().plus(timeout);
        Instant nextReport = Instant.now().plusSeconds(10);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not done within " + timeout + ": " + what
                        + " - see the day report for rows stuck and files refused");
            }
            if (Instant.now().isAfter(nextReport)) {
                progress.accept("  waiting: " + what + " ... sub-merchants " + db.subMerchantsByStatus()
                        + ", transactions " + db.transactionsByStatus());
                nextReport = Instant.now().plusSeconds(10);
            }
            pause(Duration.ofMillis(200));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis()); // a polling loop of the runner, not a test
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
