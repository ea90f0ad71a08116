package kr.co.pg.settlement.simulator.domain;

import java.time.LocalDate;
import kr.co.pg.settlement.kis.protocol.FeeTier;

/** What KIS holds about a sub-merchant. closedOn null while open; validTo is min(tier end, closing date). */
public record Registration(String subMerchantId, String businessNo, String kisSubMerchantNo, FeeTier tier,
                           LocalDate validFrom, LocalDate validTo, LocalDate closedOn) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(validFrom) && !date.isAfter(validTo);
    }

    public Registration closed(LocalDate on) {
        return new Registration(subMerchantId, businessNo, kisSubMerchantNo, tier, validFrom,
                on.isBefore(validTo) ? on : validTo, on);
    }
}
