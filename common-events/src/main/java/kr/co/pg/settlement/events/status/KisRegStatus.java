package kr.co.pg.settlement.events.status;

/**
 * {@code sub_merchant.kis_reg_status}: PG sets NONE/CHANGED/CLOSE_PENDING, the collector the rest. Also
 * {@code registration_request.status}, whose rows take the part of the path from REQUESTED on (REQUESTED, SENT,
 * REGISTERED, REJECTED).
 */
public enum KisRegStatus {
    NONE, CHANGED, CLOSE_PENDING, REQUESTED, SENT, REGISTERED, REJECTED;

    /** In a live R1 file, waiting for KIS (REQUESTED, SENT). */
    public boolean inFile() {
        return this == REQUESTED || this == SENT;
    }
}
