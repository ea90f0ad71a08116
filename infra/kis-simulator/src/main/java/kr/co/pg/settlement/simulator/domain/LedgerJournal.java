package kr.co.pg.settlement.simulator.domain;

import java.time.LocalDate;

/** Receives every change of the {@link KisLedger} so it can be persisted (append-only). */
public interface LedgerJournal {

    void registered(Registration registration);

    void closed(String subMerchantId, LocalDate closedOn);

    void transactionAccepted(String transactionId);

    void approvalSeen(LocalDate approvalDate, String approvalNo);

    LedgerJournal NONE = new LedgerJournal() {
        @Override
        public void registered(Registration registration) {
        }

        @Override
        public void closed(String subMerchantId, LocalDate closedOn) {
        }

        @Override
        public void transactionAccepted(String transactionId) {
        }

        @Override
        public void approvalSeen(LocalDate approvalDate, String approvalNo) {
        }
    };
}
