package kr.co.pg.settlement.simulator.domain;

import java.time.LocalDate;
import kr.co.pg.settlement.kis.protocol.BusinessNumber;
import kr.co.pg.settlement.kis.protocol.FeeTier;
import kr.co.pg.settlement.kis.protocol.R1Record;
import kr.co.pg.settlement.kis.protocol.R2Record;

/** Answers one R1 record the way kis-interface.md section 5 says, updating the ledger when it registers. */
public final class RegistrationRules {

    private final KisLedger ledger;
    private final TierPolicy tiers;

    public RegistrationRules(KisLedger ledger, TierPolicy tiers) {
        this.ledger = ledger;
        this.tiers = tiers;
    }

    public R2Record answer(R1Record r, LocalDate fileDate) {
        String id = trim(r.subMerchantId());
        String businessNo = trim(r.businessNo());
        char type = r.requestType();
        if (!BusinessNumber.isValid(businessNo)) {
            return rejected(r, "E101", "INVALID BUSINESS REGISTRATION NUMBER (CHECK DIGIT)");
        }
        Registration existing = ledger.registration(id);
        boolean known = existing != null && existing.closedOn() == null;
        if (type == 'C') {
            if (!known) {
                return rejected(r, "E104", "CLOSE FOR A SUB-MERCHANT KIS DOES NOT KNOW: " + id);
            }
            if (r.closedOn() == null) {
                return rejected(r, "E199", "CLOSE WITHOUT A CLOSING DATE (POS 118-125)");
            }
            ledger.close(id, r.closedOn());
            return new R2Record(r.seq(), type, r.subMerchantId(), r.businessNo(), "0000", "CLOSED", null, null,
                    r.closedOn(), existing.kisSubMerchantNo());
        }
        if (type == 'U' && !known) {
            return rejected(r, "E104", "UPDATE FOR A SUB-MERCHANT KIS DOES NOT KNOW: " + id);
        }
        if (tiers.isClosed(businessNo)) {
            return rejected(r, "E102", "BUSINESS CLOSED OR SUSPENDED AT THE TAX OFFICE");
        }
        String owner = ledger.activeOwner(businessNo);
        if (owner != null && !owner.equals(id)) {
            return rejected(r, "E103", "BUSINESS NO ALREADY REGISTERED UNDER SUB-MERCHANT " + owner);
        }
        FeeTier tier = tiers.tierFor(businessNo);
        LocalDate yearBefore = fileDate.minusYears(1);
        LocalDate validFrom = r.openedOn() != null && r.openedOn().isAfter(yearBefore) ? r.openedOn() : yearBefore;
        LocalDate validTo = KisCalendar.endOfClassificationPeriod(fileDate);
        String kisNo = ledger.kisNumberFor(id);
        ledger.register(new Registration(id, businessNo, kisNo, tier, validFrom, validTo, null));
        return new R2Record(r.seq(), type, r.subMerchantId(), r.businessNo(), "0000", "REGISTERED", tier.kisCode(),
                validFrom, validTo, kisNo);
    }

    private static R2Record rejected(R1Record r, String code, String message) {
        return new R2Record(r.seq(), r.requestType(), r.subMerchantId(), r.businessNo(), code, message, null, null,
                null, null);
    }

    static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
