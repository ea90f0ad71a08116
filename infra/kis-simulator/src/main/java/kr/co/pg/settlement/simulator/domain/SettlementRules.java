package kr.co.pg.settlement.simulator.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Predicate;
import kr.co.pg.settlement.kis.protocol.FeeTier;
import kr.co.pg.settlement.kis.protocol.S1Record;
import kr.co.pg.settlement.kis.protocol.S2Record;

/** Answers one S1 record the way kis-interface.md section 5 says, remembering accepted transactions. */
public final class SettlementRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal NO_RATE = BigDecimal.ZERO.setScale(3);

    private final KisLedger ledger;
    private final PreferentialRateTable rates;

    public SettlementRules(KisLedger ledger, PreferentialRateTable rates) {
        this.ledger = ledger;
        this.rates = rates;
    }

    /**
     * @param reduceByOneKrw fault hook: true for a transaction id whose accepted difference is to be reduced by 1 KRW
     */
    public S2Record answer(S1Record r, LocalDate fileDate, Predicate<String> reduceByOneKrw) {
        String txId = RegistrationRules.trim(r.transactionId());
        LocalDate date = r.approvalDate();
        try {
            Registration reg = ledger.byKisNo(RegistrationRules.trim(r.kisSubMerchantNo()));
            if (reg == null || !reg.covers(date)) {
                return rejected(r, "E201", reg == null
                        ? "KIS SUB-MERCHANT NO UNKNOWN: " + RegistrationRules.trim(r.kisSubMerchantNo())
                        : "SUB-MERCHANT NOT REGISTERED ON " + date);
            }
            if (ledger.isAccepted(txId)) {
                return rejected(r, "E202", "DUPLICATE: TRANSACTION ID ALREADY ACCEPTED");
            }
            char txType = r.transactionType();
            if ((txType == 'C' || txType == 'P')
                    && (r.originalApprovalDate() == null
                    || !ledger.knowsApproval(r.originalApprovalDate(), RegistrationRules.trim(r.originalApprovalNo())))) {
                return rejected(r, "E203", "ORIGINAL APPROVAL " + RegistrationRules.trim(r.originalApprovalNo())
                        + " OF " + r.originalApprovalDate() + " UNKNOWN");
            }
            if (reg.tier() == FeeTier.GENERAL) {
                return rejected(r, "E204", "TIER GENERAL ON " + date + " IS NOT PREFERENTIAL");
            }
            Optional<BigDecimal> preferential = rates.rate(reg.tier(), r.cardType(), date);
            if (preferential.isEmpty()) {
                return rejected(r, "E299", "NO PREFERENTIAL RATE FOR " + reg.tier() + "/" + r.cardType() + " ON " + date);
            }
            long difference = difference(r.amount(), r.appliedFeeRate(), preferential.get());
            if (reduceByOneKrw.test(txId)) {
                difference -= 1;
            }
            ledger.acceptTransaction(txId);
            return new S2Record(r.seq(), r.transactionId(), r.approvalNo(), date, "0000", "ACCEPTED",
                    preferential.get(), difference, KisCalendar.payoutDate(fileDate));
        } finally {
            if (r.transactionType() == 'A') {
                ledger.seeApproval(date, RegistrationRules.trim(r.approvalNo()));
            }
        }
    }

    /** truncate_toward_zero(amount x (applied - preferential) / 100), domain.md. */
    public static long difference(long amount, BigDecimal applied, BigDecimal preferential) {
        return BigDecimal.valueOf(amount).multiply(applied.subtract(preferential))
                .divide(HUNDRED, 0, RoundingMode.DOWN).longValueExact();
    }

    private static S2Record rejected(S1Record r, String code, String message) {
        return new S2Record(r.seq(), r.transactionId(), r.approvalNo(), r.approvalDate(), code, message,
                NO_RATE, 0L, null);
    }
}
