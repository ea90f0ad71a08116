package kr.co.pg.settlement.collector.application;

import java.time.LocalDate;
import java.util.List;
import kr.co.pg.settlement.collector.domain.LocalRejection;
import kr.co.pg.settlement.collector.domain.SubMerchantCandidate;
import kr.co.pg.settlement.events.RegistrationFileRequested.Registration;
import kr.co.pg.settlement.events.RegistrationResultsReceived.RegistrationResult;

/** Port: sub_merchant registration columns and registration_request. */
public interface RegistrationStore {

    record Rejected(SubMerchantCandidate candidate, LocalRejection rejection) {
    }

    /** Sub-merchants in NONE/CHANGED/CLOSE_PENDING with an id after {@code afterId}, by id. */
    List<SubMerchantCandidate> candidatesAfter(String afterId, int limit);

    /** Sets REJECTED with the local code, guarded by the status the row was read in; @return rows changed. */
    int rejectLocally(List<Rejected> rejected);

    void insertRequests(String fileId, LocalDate businessDate, List<Registration> records);

    /** Sets REQUESTED for the file's rows still in the status their request type was read from; @return rows changed. */
    int markRequested(String fileId);

    /** REQUESTED → SENT for the file's rows (sub_merchant and registration_request). */
    void markSent(String fileId);

    /** Applies KIS results to the file's rows still REQUESTED/SENT; @return rows changed. */
    int applyResults(String fileId, List<RegistrationResult> results);

    /** The file's rows still REQUESTED/SENT, renumbered from 1, as records of a new file. */
    List<Registration> openRecords(String fileId);

    /** Re-points the open rows of {@code oldFileId} to {@code newFileId} (records' seq) and sets them back to REQUESTED. */
    void moveToFile(String oldFileId, String newFileId, List<Registration> records);
}
