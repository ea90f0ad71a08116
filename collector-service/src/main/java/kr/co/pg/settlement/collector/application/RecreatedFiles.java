package kr.co.pg.settlement.collector.application;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import kr.co.pg.settlement.events.RegistrationFileRequested;
import kr.co.pg.settlement.events.SettlementFileRequested;

/**
 * Port: re-creating a request file exactly as its file-requested event describes it (after a database restore). The
 * request rows themselves are written by the stores; a record a later file already holds (a replacement the first run
 * made after KIS failed a file) stays there.
 */
public interface RecreatedFiles {

    /** Which of these file ids this database knows. */
    Set<String> known(Collection<String> fileIds);

    /** The kis_file row as it was created (CREATED), and the file sequence counter moved past it. */
    void insertFile(String fileType, String fileId, LocalDate fileDate, int fileSeq, LocalDate businessDate,
                    String kickoffId, int recordCount, LocalDateTime createdAt);

    /** Of these transactions, those already in a settlement_request row. */
    Set<String> alreadyRequested(Collection<String> transactionIds);

    /** Moves the rows of these records that sit in a file created before this one into it (the first run's resend). */
    void moveToLaterFile(SettlementFileRequested file, List<SettlementFileRequested.Transaction> records);

    /**
     * Drops the day's open requests of these sub-merchants that an earlier file holds (the first run moved them here),
     * and returns the records no later file holds: the rows to insert.
     */
    List<RegistrationFileRequested.Registration> registrationsToRecreate(RegistrationFileRequested file);
}
