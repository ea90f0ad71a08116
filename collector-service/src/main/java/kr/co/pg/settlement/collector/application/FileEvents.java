package kr.co.pg.settlement.collector.application;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import kr.co.pg.settlement.events.KickoffRequested;
import kr.co.pg.settlement.events.RegistrationFileRequested;
import kr.co.pg.settlement.events.RegistrationFileRequested.Registration;
import kr.co.pg.settlement.events.SettlementFileRequested;
import kr.co.pg.settlement.events.SettlementFileRequested.Transaction;

/**
 * What makes a request file the same file when a kick-off is run again from the topics (a replay after a database
 * restore): its event id follows from its file id, and its creation time from the kick-off, so the gateway renders
 * identical bytes and KIS answers the same Idempotency-Key with its first receipt instead of 409.
 */
final class FileEvents {

    static String requestedEventId(String fileId) {
        return "requested:" + fileId;
    }

    /** The event that asks the gateway to send the R1 file with these records. */
    static RegistrationFileRequested registrationRequested(KisFiles.KisFile file, List<Registration> records) {
        return new RegistrationFileRequested(requestedEventId(file.fileId()), file.businessDate(), file.fileId(),
                file.fileDate(), file.fileSeq(), file.createdAt(), records, file.kickoffId());
    }

    /** The event that asks the gateway to send the S1 file with these records. */
    static SettlementFileRequested settlementRequested(KisFiles.KisFile file, List<Transaction> records) {
        return new SettlementFileRequested(requestedEventId(file.fileId()), file.businessDate(), file.fileId(),
                file.fileDate(), file.fileSeq(), file.createdAt(), records, file.kickoffId());
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
