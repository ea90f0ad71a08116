package kr.co.pg.settlement.events.status;

/** {@code kis_file.status}: the life of one request file (R1/S1) the collector created. */
public enum KisFileStatus {
    CREATED, SUBMITTED, RESULT_RECEIVED,
    /** KIS accepted the file but could not process it: its open rows went into a new file. */
    FAILED,
    /** KIS refused the upload (409/422/413): its rows stay open and are listed in the day report. */
    REFUSED;

    /** KIS took the file (a receipt): it can no longer be refused. */
    public boolean acceptedByKis() {
        return this == SUBMITTED || this == RESULT_RECEIVED;
    }

    /** FAILED or REFUSED: nothing changes the file any more. */
    public boolean ended() {
        return this == FAILED || this == REFUSED;
    }
}
