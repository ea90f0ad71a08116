package kr.co.pg.settlement.collector.application;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import kr.co.pg.settlement.collector.domain.LocalRejection;
import kr.co.pg.settlement.collector.domain.PreferentialRates;
import kr.co.pg.settlement.collector.domain.SameDayCancel;
import kr.co.pg.settlement.collector.domain.TransactionCandidate;
import kr.co.pg.settlement.events.SettlementFileRequested.Transaction;
import kr.co.pg.settlement.events.SettlementResultsReceived.SettlementResult;

/** Port: payment_transaction difference columns, settlement_request, reconciliation_break, preferential_fee_rate. */
public interface SettlementStore {

    record CancelPair(SameDayCancel.Row cancel, SameDayCancel.Row original) {
    }

    record Refusal(String transactionId, LocalRejection rejection) {
    }

    PreferentialRates preferentialRates();

    /** Cancels approved before {@code before} with their original approvals (candidates for N003). */
    List<CancelPair> cancelPairs(LocalDate before);

    /** Where a candidate page ends: the next page starts after (approvedAt, transactionId). */
    record CandidateCursor(java.time.LocalDateTime approvedAt, String transactionId) {

        public static final CandidateCursor START = new CandidateCursor(java.time.LocalDateTime.of(1000, 1, 1, 0, 0), "");
    }

    /**
     * NONE transactions of REGISTERED sub-merchants approved before 00:00 of {@code before}, after the cursor, in
     * (approved_at, transaction_id) order.
     */
    List<TransactionCandidate> candidatesAfter(LocalDate before, CandidateCursor after, int limit);

    /** The same, bounded: candidates after {@code after} up to and including {@code upTo} (a chunk re-read on retry). */
    List<TransactionCandidate> candidatesBetween(LocalDate before, CandidateCursor after, CandidateCursor upTo, int limit);

    /** NONE → NOT_ELIGIBLE with the code; @return rows changed. */
    int markNotEligible(String code, Collection<String> transactionIds);

    /** NONE → REJECTED with a local code; @return rows changed. */
    int refuse(List<Refusal> refusals);

    void insertRequests(String fileId, LocalDate businessDate, List<Transaction> records);

    /** NONE → COLLECTED with the expected amount, for the file's rows; @return rows changed. */
    int markCollected(String fileId);

    /** COLLECTED → SENT for the file's rows. */
    void markSent(String fileId);

    /** Applies KIS results to the file's rows still COLLECTED/SENT (and records breaks); @return rows changed. */
    int applyResults(String fileId, List<SettlementResult> results);

    List<Transaction> openRecords(String fileId);

    void moveToFile(String oldFileId, String newFileId, List<Transaction> records);

}
