package kr.co.pg.settlement.simulator.domain;

import java.time.Duration;

/**
 * The simulator's faults (kis-interface.md section 5), all off by default. Shares are 0.0..1.0. Decisions about
 * a receipt or a transaction are a hash of (seed, Idempotency-Key or transaction id), so they do not depend on
 * timing or order; 1.0 means "always" and is the easiest switch for tests.
 *
 * @param unavailableShare       share of /v1 requests answered {@code unavailableStatus} (random, seeded)
 * @param unavailableNext        the next N /v1 requests are answered {@code unavailableStatus} (deterministic)
 * @param unavailableStatus      503 or 504
 * @param latency                added before every /v1 answer
 * @param rateLimitPerSecond     /v1 requests allowed per second; above it 429 K429 (0 = no limit)
 * @param retryAfterSeconds      Retry-After of the 429 answers
 * @param delayedResultShare     share of receipts whose DONE comes {@code resultDelay} later than usual
 * @param resultDelay            the extra delay of a delayed result
 * @param corruptedResultShare   share of receipts whose result is served corrupted (trailer count + 1)
 * @param corruptedDownloads     a corrupted receipt's first K downloads are corrupted, later ones good (test fault:
 *                               real KIS serves always the same bytes)
 * @param reducedDifferenceShare share of accepted S2 differences reduced by 1 KRW (reconciliation breaks)
 * @param failedShare            share of receipts that end FAILED (records must be sent again in a new file)
 * @param seed                   seed of every share decision
 */
public record FaultSettings(double unavailableShare, int unavailableNext, int unavailableStatus, Duration latency,
                            int rateLimitPerSecond, int retryAfterSeconds, double delayedResultShare,
                            Duration resultDelay, double corruptedResultShare, int corruptedDownloads,
                            double reducedDifferenceShare, double failedShare, long seed) {

    public static final FaultSettings NONE = new FaultSettings(0, 0, 503, Duration.ZERO, 0, 1, 0,
            Duration.ofSeconds(60), 0, 1, 0, 0, 42L);

    public FaultSettings {
        share(unavailableShare, "unavailable-share");
        share(delayedResultShare, "delayed-result-share");
        share(corruptedResultShare, "corrupted-result-share");
        share(reducedDifferenceShare, "reduced-difference-share");
        share(failedShare, "failed-share");
        if (unavailableStatus != 503 && unavailableStatus != 504) {
            throw new IllegalArgumentException("unavailable-status must be 503 or 504, got " + unavailableStatus);
        }
        if (unavailableNext < 0 || rateLimitPerSecond < 0 || retryAfterSeconds < 1 || corruptedDownloads < 0) {
            throw new IllegalArgumentException("unavailable-next, rate-limit-per-second, corrupted-downloads must be >= 0 and retry-after-seconds >= 1");
        }
        latency = latency == null ? Duration.ZERO : latency;
        resultDelay = resultDelay == null ? Duration.ZERO : resultDelay;
    }

    /** True for a share of keys: deterministic for (seed, key). */
    public boolean chosen(double share, String key) {
        if (share <= 0) {
            return false;
        }
        if (share >= 1) {
            return true;
        }
        long h = mix(seed ^ (key.hashCode() * 0x9E3779B97F4A7C15L) ^ ((long) key.length() << 32));
        double u = (h >>> 11) * 0x1.0p-53;
        return u < share;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static void share(double v, String name) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0.0 and 1.0, got " + v);
        }
    }
}
