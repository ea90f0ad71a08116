package kr.co.pg.settlement.collector.application;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import kr.co.pg.settlement.events.KickoffRequested;

/**
 * What makes a request file the same file when a kick-off is run again from the topics (a replay after a database
 * restore): its event id follows from its file id, and its creation time from the kick-off, so the gateway renders
 * identical bytes and KIS answers the same Idempotency-Key with its first receipt instead of 409.
 */
final class FileEvents {

    static String requestedEventId(String fileId) {
        return "requested:" + fileId;
    }

    /** The kick-off's requestedAt on the KST wall clock; a kick-off without one: now. Whole seconds (file header). */
    static LocalDateTime filesCreatedAt(KickoffRequested kickoff, Clock clock) {
        LocalDateTime at = kickoff.requestedAt() == null ? LocalDateTime.now(clock)
                : kickoff.requestedAt().atZoneSameInstant(clock.getZone()).toLocalDateTime();
        return at.truncatedTo(ChronoUnit.SECONDS);
    }

    private FileEvents() {
    }
}
