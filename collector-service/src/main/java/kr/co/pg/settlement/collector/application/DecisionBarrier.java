package kr.co.pg.settlement.collector.application;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What a request run needs applied before it decides, so that a day replayed after a database restore decides as the
 * first time: every file this collector already decided (the file-requested topics, re-created by {@link FileLedger})
 * and every registration result published before the kick-off. On a normal day both hold at once; after a restore the
 * run waits (its kick-off is retried) until they do.
 * <p>
 * The file-requested targets are the end offsets seen when a kick-off is first checked, kept per kick-off: the
 * run's own files, published later, are not waited for.
 */
@Component
class DecisionBarrier {

    private static final int REMEMBERED = 64;

    private final ConsumptionProgress progress;
    private final Clock clock;
    private final Map<String, Map<String, Long>> targets = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Map<String, Long>> eldest) {
                    return size() > REMEMBERED;
                }
            });

    DecisionBarrier(ConsumptionProgress progress, Clock clock) {
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * @param decisionTime the kick-off's time (KST wall clock): registration results published before it must be
     *                     applied, later ones must not be needed
     * @throws DecisionsNotCaughtUpException while either is behind
     */
    void requireCaughtUp(String kickoffId, LocalDateTime decisionTime) {
        Map<String, Long> fileTargets = targets.computeIfAbsent(kickoffId, k -> progress.fileRequestsEnd());
        Map<String, Long> files = progress.fileRequestsBehind(fileTargets);
        Map<String, Long> results = progress.registrationResultsBehind(decisionTime.atZone(clock.getZone()).toInstant());
        if (!files.isEmpty() || !results.isEmpty()) {
            throw new DecisionsNotCaughtUpException("kick-off " + kickoffId + " waits before deciding: files decided"
                    + " before it not yet re-created " + files + ", registration results published before "
                    + decisionTime + " not yet applied " + results + " (a replay after a restore; retried)");
        }
        targets.remove(kickoffId);
    }

    /** Every file decided so far re-created: a resend must not create a file the first run already created. */
    void requireFilesCaughtUp(String what) {
        Map<String, Long> files = progress.fileRequestsBehind(progress.fileRequestsEnd());
        if (!files.isEmpty()) {
            throw new DecisionsNotCaughtUpException(what + " waits: files decided before it not yet re-created "
                    + files + " (a replay after a restore; retried)");
        }
    }

    /** Whether files decided earlier are still being re-created (so an unknown file may yet appear). */
    boolean filesBehind() {
        return !progress.fileRequestsBehind(progress.fileRequestsEnd()).isEmpty();
    }
}
