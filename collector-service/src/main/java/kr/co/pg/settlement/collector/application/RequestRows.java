package kr.co.pg.settlement.collector.application;

import java.time.LocalDate;
import java.util.List;

/**
 * Port: the rows of request files of one kind (registration_request with sub_merchant, settlement_request with
 * payment_transaction): a file's records {@code R} and KIS's results {@code S} for them.
 */
public interface RequestRows<R, S> {

    void insertRequests(String fileId, LocalDate businessDate, List<R> records);

    /**
     * The PG rows of the file's requests go into the file, guarded by the status they were read in: sub-merchants
     * NONE/CHANGED/CLOSE_PENDING → REQUESTED (by request type), transactions NONE → COLLECTED (with the expected
     * amount); @return rows changed.
     */
    int markInFile(String fileId);

    /** The file's rows go SENT (KIS accepted the file), in the request table and the PG table. */
    void markSent(String fileId);

    /** Applies KIS results to the file's rows still in the file (not yet answered); @return rows changed. */
    int applyResults(String fileId, List<S> results);

    /** The file's rows not yet answered, renumbered from 1, as records of a new file. */
    List<R> openRecords(String fileId);

    /** Re-points the open rows of {@code oldFileId} to {@code newFileId} (records' seq), back to their first status. */
    void moveToFile(String oldFileId, String newFileId, List<R> records);
}
