package kr.co.pg.settlement.collector.domain;

import java.time.LocalDate;
import kr.co.pg.settlement.events.status.KisRegStatus;

/** A sub-merchant waiting to be (re)registered, as read from sub_merchant. */
public record SubMerchantCandidate(String subMerchantId, String businessNo, String businessName,
                                   String representativeName, LocalDate openedOn, LocalDate closedOn,
                                   String industryCode, String phone, String postalCode, String address,
                                   KisRegStatus regStatus) {

    /** N for a new one, U for changed data, C for a close (domain.md). */
    public String requestType() {
        return switch (regStatus) {
            case NONE -> "N";
            case CHANGED -> "U";
            case CLOSE_PENDING -> "C";
            default -> throw new IllegalStateException("sub-merchant " + subMerchantId
                    + " is in status " + regStatus + ", not one that is sent for registration");
        };
    }
}
