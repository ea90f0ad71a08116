package kr.co.pg.settlement.collector.application;

import java.util.Collection;
import java.util.Set;
import kr.co.pg.settlement.events.RegistrationFileRequested;
import kr.co.pg.settlement.events.SettlementFileRequested;

/**
 * Port: re-creating a request file exactly as its file-requested event describes it (after a database restore), with
 * its request rows. A record already in a file created later (a replacement the first run made) stays there.
 */
public interface RecreatedFiles {

    /** Which of these file ids this database knows. */
    Set<String> known(Collection<String> fileIds);

    /** The kis_file row as it was created (CREATED), and the file sequence counter moved past it. */
    void insertFile(String fileType, String fileId, java.time.LocalDate fileDate, int fileSeq,
                    java.time.LocalDate businessDate, String kickoffId, int recordCount,
                    java.time.LocalDateTime createdAt);

    /** settlement_request rows (COLLECTED); a transaction in an earlier-created file moves to this one. */
    void insertSettlementRequests(SettlementFileRequested file);

    /** registration_request rows (REQUESTED); an open request of the same day in an earlier-created file moves here. */
    void insertRegistrationRequests(RegistrationFileRequested file);
}
