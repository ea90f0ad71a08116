package kr.co.pg.settlement.events.status;

/**
 * {@code payment_transaction.diff_status}: the difference-settlement status path of a transaction. Also
 * {@code settlement_request.status}, whose rows take the part of the path from COLLECTED on (COLLECTED, SENT,
 * SETTLED, REJECTED).
 */
public enum DiffStatus {
    NONE, COLLECTED, SENT, SETTLED, REJECTED, NOT_ELIGIBLE;

    /** In a live S1 file, waiting for KIS (COLLECTED, SENT). */
    public boolean inFile() {
        return this == COLLECTED || this == SENT;
    }
}
