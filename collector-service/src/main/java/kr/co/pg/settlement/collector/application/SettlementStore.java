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
public interface SettlementStore extends RequestRows<Transaction, SettlementResult> {

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
     * NONE transactions of REGISTERED sub-merchants approved before 00:00 of {@code before}, after {@code after} up to
     * and including {@code upTo}, in (approved_at, transaction_id) order (a page, re-read within its bounds on retry).
     */
    List<TransactionCandidate> candidatesBetween(LocalDate before, CandidateCursor after, CandidateCursor upTo, int limit);

    /** NONE → NOT_ELIGIBLE with the code; @return rows changed. */
    int markNotEligible(String code, Collection<String> transactionIds);

    /** NONE → REJECTED with a local code; @return rows changed. */
    int refuse(List<Refusal> refusals);
}
