package kr.co.pg.settlement.simulator.application;

/**
 * The end of processing. Visible (DONE or FAILED) from {@code dueAtMillis} on. For a corrupted result the first
 * {@code corruptedDownloads} downloads get the corrupted copy (hash {@code corruptedSha256}).
 */
public record Outcome(boolean failed, String message, long dueAtMillis, String resultSha256, long resultSize,
                      int corruptedDownloads, String corruptedSha256) {

    static Outcome failed(String message, long dueAtMillis) {
        return new Outcome(true, message, dueAtMillis, null, 0, 0, null);
    }
}
