package kr.co.pg.settlement.gateway.domain;

/** KIS's final answer to an upload: accepted (202, or 200 for a repeated upload) or finally refused. */
public sealed interface UploadOutcome {

    /** KIS accepted the file and answered with its receipt. */
    record Accepted(String receiptNo, int recordCount, boolean repeated) implements UploadOutcome {
    }

    /**
     * KIS (409/422/413) or the PG itself (a value the layout cannot hold) refused the content: sending the same
     * bytes again would be refused again. {@code line} is the file line at fault, when known.
     */
    record Refused(String code, String message, Integer line) implements UploadOutcome {
    }
}
