package kr.co.pg.settlement.poller.application;

import java.util.UUID;

/**
 * The name this poller instance claims receipts under. Stable across restarts of the same instance, so a restarted
 * instance takes its own claims back at once (a claim's owner may claim it again before its lease ends) instead of
 * waiting out {@code settlement.poller.claim-lease}; different for every instance running at the same time.
 */
public record ClaimOwner(String id) {

    /** claimed_by is VARCHAR(64). */
    public static final int MAX_LENGTH = 64;

    public ClaimOwner {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH || !id.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("a claim owner is 1 to " + MAX_LENGTH
                    + " printable ASCII characters without spaces: '" + id + "'");
        }
    }

    /** A new name at every start: a restarted instance waits for its old claims' lease (tests, one-off tools). */
    public static ClaimOwner random() {
        return new ClaimOwner("poller-" + UUID.randomUUID());
    }
}
