package kr.co.pg.settlement.scheduler.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the kick-off of every due slot once. On each tick the leader looks at all slots of the last
 * {@code catchUpWindow} (so a slot missed while no instance was leading is caught up, and a send that failed is
 * retried with the same id) and sends those not yet sent. What was sent is read back from the kick-off topic when
 * leadership is gained, so a restart or a new leader does not send again. Only the leader sends.
 */
public final class KickoffScheduler {

    public static final String REQUESTED_BY = "scheduler";
    static final int MAX_MISSED = 100;
    /**
     * How far before the window missed slots are still reported (not sent) when leadership is gained; a slot whose
     * job and business date were kicked off by anybody (e.g. by hand) is not reported.
     */
    static final Duration MISSED_REPORT_LOOKBACK = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(KickoffScheduler.class);

    private final SlotPlanner planner;
    private final KickoffPort kickoffs;
    private final KickoffHistory history;
    private final Clock clock;
    private final Duration catchUpWindow;

    private final Object lock = new Object();
    /** Written under the lock, read without it: the status endpoint must not wait for a tick's send. */
    private volatile boolean leader;
    private LeadershipLease lease = () -> false;
    /** Kick-off ids known as sent; null until read back after gaining leadership. */
    private Set<String> sent;
    /** Job and business date of every kick-off read back (anybody's), as {@code JOB:date}. */
    private Set<String> jobDatesKickedOff = new HashSet<>();
    /** Slots whose skip or failure was already logged, so each is logged once per process. */
    private final Set<String> reported = new HashSet<>();
    /** Slots before this instant were checked for "never sent" (ERROR + {@link #missedSlots()}). */
    private Instant reportedUpTo = Instant.MAX;
    private volatile long leaderTicks;
    /** Due slots never sent and now older than the window, newest last (kept for the status endpoint). */
    private final Deque<Slot> missed = new ArrayDeque<>();
    private volatile List<Slot> missedSnapshot = List.of();

    public KickoffScheduler(SlotPlanner planner, KickoffPort kickoffs, KickoffHistory history, Clock clock,
                            Duration catchUpWindow) {
        if (catchUpWindow.isNegative()) {
            throw new IllegalArgumentException("catch-up window must not be negative: " + catchUpWindow);
        }
        this.planner = planner;
        this.kickoffs = kickoffs;
        this.history = history;
        this.clock = clock;
        this.catchUpWindow = catchUpWindow;
    }

    /** @param lease asked before every send: when it is not current, nothing is sent (until it is again) */
    public void leadershipGranted(LeadershipLease lease) {
        synchronized (lock) {
            this.lease = lease;
            leader = true;
            sent = null;
            leaderTicks = 0;
        }
        log.info("This scheduler instance is now the leader: it sends the kick-offs (catch-up window {})",
                catchUpWindow);
    }

    /** Returns once no send of this instance is in flight any more. */
    public void leadershipRevoked() {
        synchronized (lock) {
            if (leader) {
                log.info("This scheduler instance is no longer the leader: it stands by");
            }
            leader = false;
            sent = null;
        }
    }

    public boolean isLeader() {
        return leader;
    }

    /** Ticks completed in the current leadership (0 on a standby's first tick as leader; for tests). */
    public long leaderTicks() {
        return leaderTicks;
    }

    /** Slots this instance found never sent and too old to be caught up (at most {@value #MAX_MISSED}). */
    public List<Slot> missedSlots() {
        return missedSnapshot;
    }

    public Duration catchUpWindow() {
        return catchUpWindow;
    }

    /** Sends what is due; does nothing on a standby. Never throws: problems are logged and retried next tick. */
    public void tick() {
        synchronized (lock) {
            if (!leader || !lease.isCurrent()) {
                return;
            }
            Instant now = clock.instant();
            Instant windowStart = now.minus(catchUpWindow);
            if (sent == null && !readHistory(windowStart)) {
                return;
            }
            if (reportedUpTo.isBefore(windowStart)) {
                reportUnsent(reportedUpTo, windowStart);
                reportedUpTo = windowStart;
            }
            for (Slot slot : planner.between(windowStart, now)) {
                if (!sent.contains(slot.kickoffId()) && !handle(slot)) {
                    break;
                }
            }
            leaderTicks++;
        }
    }

    private boolean readHistory(Instant windowStart) {
        try {
            List<KickoffHistory.SentKickoff> kickoffs =
                    history.sentKickoffs(catchUpWindow.plus(MISSED_REPORT_LOOKBACK));
            sent = new HashSet<>();
            jobDatesKickedOff = new HashSet<>();
            for (KickoffHistory.SentKickoff kickoff : kickoffs) {
                sent.add(kickoff.kickoffId());
                jobDatesKickedOff.add(kickoff.job() + ":" + kickoff.businessDate());
            }
        } catch (RuntimeException e) {
            log.warn("Cannot read back the kick-offs already sent ({}); nothing is sent until they can be read "
                    + "(retried on the next tick). Check Kafka.", e.toString());
            return false;
        }
        log.info("{} scheduled kick-offs read back; catching up the slots of the last {}",
                sent.stream().filter(Slot::isScheduledKickoffId).count(), catchUpWindow);
        reportedUpTo = windowStart.minus(MISSED_REPORT_LOOKBACK);
        return true;
    }

    /** Returns false when Kafka did not take the kick-off: the rest waits for the next tick. */
    private boolean handle(Slot slot) {
        String id = slot.kickoffId();
        Verdict verdict = planner.verdict(slot);
        if (verdict.kind() == Verdict.Kind.SKIPPED_HOLIDAY) {
            if (reported.add(id)) {
                log.info("Slot {} not sent: {} is a public holiday ({}); request jobs run on business days only",
                        id, slot.businessDate(), verdict.reason());
            }
            return true;
        }
        if (verdict.kind() == Verdict.Kind.SKIPPED_NO_HOLIDAY_DATA) {
            if (reported.add(id)) {
                log.error("Slot {} NOT sent: it is unknown whether {} is a public holiday: {}. If {} is a business "
                        + "day, kick off {} for {} by hand.", id, slot.businessDate(), verdict.reason(),
                        slot.businessDate(), slot.job(), slot.businessDate());
            }
            return true;
        }
        if (!lease.isCurrent()) {
            return false;
        }
        try {
            kickoffs.send(id, slot.job(), slot.businessDate(), REQUESTED_BY);
        } catch (RuntimeException e) {
            log.warn("Kick-off {} not acknowledged by Kafka ({}); retried with the same id on the next tick while "
                    + "the slot is within the catch-up window ({})", id, e.getMessage(), catchUpWindow);
            return false;
        }
        sent.add(id);
        log.info("Kick-off {} sent: job {} for business date {} (slot {})", id, slot.job(), slot.businessDate(),
                slot.at());
        return true;
    }

    /** Slots in {@code [from, to)} that were due, are not on the topic and can no longer be caught up. */
    private void reportUnsent(Instant from, Instant to) {
        for (Slot slot : planner.between(from, to.minusNanos(1))) {
            boolean kickedOff = sent.contains(slot.kickoffId())
                    || jobDatesKickedOff.contains(slot.job() + ":" + slot.businessDate());
            if (!kickedOff && planner.verdict(slot).runs() && reported.add(slot.kickoffId())) {
                missed.addLast(slot);
                if (missed.size() > MAX_MISSED) {
                    missed.removeFirst();
                }
                missedSnapshot = List.copyOf(missed);
                log.error("Slot {} ({} for {}) was never sent and is older than the catch-up window ({}): it is NOT "
                        + "sent automatically. If the job should still run, kick off {} for {} by hand.",
                        slot.kickoffId(), slot.job(), slot.businessDate(), catchUpWindow, slot.job(),
                        slot.businessDate());
            }
        }
    }
}
