package kr.co.pg.settlement.collector.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DecisionBarrierTest {

    static final ZoneId KST = ZoneId.of("Asia/Seoul");

    /** Committed offsets per partition; the "topics" end where the test says. */
    static class FakeProgress implements ConsumptionProgress {
        final Map<String, Long> fileEnd = new HashMap<>();
        final Map<String, Long> fileCommitted = new HashMap<>();
        long resultsPublishedBefore;
        long resultsCommitted;
        Instant askedFor;

        @Override
        public Map<String, Long> fileRequestsEnd() {
            return Map.copyOf(fileEnd);
        }

        @Override
        public Map<String, Long> fileRequestsBehind(Map<String, Long> targets) {
            Map<String, Long> behind = new TreeMap<>();
            targets.forEach((p, t) -> {
                long c = fileCommitted.getOrDefault(p, 0L);
                if (c < t) {
                    behind.put(p, t - c);
                }
            });
            return behind;
        }

        @Override
        public Map<String, Long> registrationResultsBehind(Instant instant) {
            askedFor = instant;
            return resultsCommitted < resultsPublishedBefore
                    ? Map.of("settlement.registration.results.v1-0", resultsPublishedBefore - resultsCommitted) : Map.of();
        }
    }

    final FakeProgress progress = new FakeProgress();
    final DecisionBarrier barrier = new DecisionBarrier(progress, Clock.system(KST));
    final LocalDateTime kickoffAt = LocalDateTime.of(2025, 2, 17, 1, 0);

    @Test
    void aKickoffDecidesAtOnceWhenEverythingBeforeItIsApplied() {
        progress.fileEnd.put("settlement.diff.file-requested.v1-0", 10L);
        progress.fileCommitted.put("settlement.diff.file-requested.v1-0", 10L);

        barrier.requireCaughtUp("k1", kickoffAt);

        assertThat(progress.askedFor).isEqualTo(kickoffAt.atZone(KST).toInstant());
    }

    @Test
    void aKickoffWaitsForFilesDecidedBeforeItButNotForItsOwnLaterFiles() {
        progress.fileEnd.put("settlement.diff.file-requested.v1-0", 10L);
        progress.fileCommitted.put("settlement.diff.file-requested.v1-0", 4L);

        assertThatThrownBy(() -> barrier.requireCaughtUp("k1", kickoffAt))
                .isInstanceOf(DecisionsNotCaughtUpException.class)
                .hasMessageContaining("kick-off k1").hasMessageContaining("settlement.diff.file-requested.v1-0=6");

        // the ledger catches up to what was there at the first check; files published since (the run's own) do not count
        progress.fileCommitted.put("settlement.diff.file-requested.v1-0", 10L);
        progress.fileEnd.put("settlement.diff.file-requested.v1-0", 25L);
        barrier.requireCaughtUp("k1", kickoffAt);
    }

    @Test
    void aKickoffWaitsForRegistrationResultsPublishedBeforeIt() {
        progress.resultsPublishedBefore = 7;
        progress.resultsCommitted = 5;

        assertThatThrownBy(() -> barrier.requireCaughtUp("k2", kickoffAt))
                .isInstanceOf(DecisionsNotCaughtUpException.class)
                .hasMessageContaining("registration results published before 2025-02-17T01:00");

        progress.resultsCommitted = 7;
        barrier.requireCaughtUp("k2", kickoffAt);
    }

    @Test
    void aResendWaitsUntilEveryFileDecidedSoFarIsKnown() {
        progress.fileEnd.put("settlement.registration.file-requested.v1-2", 3L);
        progress.fileCommitted.put("settlement.registration.file-requested.v1-2", 2L);

        assertThat(barrier.filesBehind()).isTrue();
        assertThatThrownBy(() -> barrier.requireFilesCaughtUp("FileFailed for file R1-20250217-000002"))
                .isInstanceOf(DecisionsNotCaughtUpException.class).hasMessageContaining("R1-20250217-000002");

        progress.fileCommitted.put("settlement.registration.file-requested.v1-2", 3L);
        assertThat(barrier.filesBehind()).isFalse();
        barrier.requireFilesCaughtUp("FileFailed for file R1-20250217-000002");
    }
}
