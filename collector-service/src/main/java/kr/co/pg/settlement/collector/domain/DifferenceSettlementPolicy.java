package kr.co.pg.settlement.collector.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import kr.co.pg.settlement.events.status.KisRegStatus;

/**
 * The eligibility and amount rules of domain.md "Difference settlement". Order of the checks (docs/architecture.md
 * "Readings"): card number not masked → L201 (refused, never sent) FIRST, whatever the sub-merchant's status and
 * whether the row is one of a same-day cancel pair, so a full number is flagged the first time a row is seen and
 * never waits unflagged behind an eligibility rule; then sub-merchant not REGISTERED → wait; same-day cancel pair →
 * N003; card company not one of KIS's codes → L202; amount of the wrong sign for its type → L203; tier not
 * preferential on the date → N001; difference 0 or of the wrong sign → N002; else collect. L202 and L203 come after
 * N003 so that both rows of a same-day cancel pair are decided alike (never sent either way), and they are decided
 * at collection so that one such row is refused alone instead of making KIS's layout check refuse its whole file.
 */
public final class DifferenceSettlementPolicy {

    public static final String TIER_NOT_PREFERENTIAL = "N001";
    public static final String NO_DIFFERENCE = "N002";
    public static final String SAME_DAY_CANCEL = "N003";
    /** Local code: the row's masked_card_no is not of the form 123456******1234; the row is never sent. */
    public static final String CARD_NUMBER_NOT_MASKED = "L201";
    /** Local code: card_company is not one of the S1 card company codes; KIS's layout would refuse the whole file. */
    public static final String UNKNOWN_CARD_COMPANY = "L202";
    /** Local code: an approval with a negative amount or a cancel with a positive one. */
    public static final String AMOUNT_SIGN_DOES_NOT_MATCH_TYPE = "L203";
    /** The card company codes of the S1 layout (kis-interface.md 3, "S1 data record", position 74). */
    public static final List<String> CARD_COMPANIES = List.of("BC", "KB", "HN", "SS", "SH", "HD",
            "LT", "NH", "WR");

    private static final Pattern MASKED = Pattern.compile("^\\d{6}\\*{6}\\d{4}$");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PreferentialRates rates;

    public DifferenceSettlementPolicy(PreferentialRates rates) {
        this.rates = rates;
    }

    public DiffDecision decide(TransactionCandidate t, boolean inSameDayCancelPair) {
        // first: a full card number is a security defect of the row, not a question of eligibility
        if (!isMasked(t.maskedCardNo())) {
            return new DiffDecision.Refused(new LocalRejection(CARD_NUMBER_NOT_MASKED,
                    "masked_card_no of transaction " + t.transactionId()
                            + " is not of the form 123456******1234; fix the row (never store a full number) and set diff_status NONE"));
        }
        if (t.subMerchantRegStatus() != KisRegStatus.REGISTERED) {
            return new DiffDecision.Wait();
        }
        if (inSameDayCancelPair) {
            return new DiffDecision.NotEligible(SAME_DAY_CANCEL);
        }
        if (t.cardCompany() == null || !CARD_COMPANIES.contains(t.cardCompany())) {
            return new DiffDecision.Refused(new LocalRejection(UNKNOWN_CARD_COMPANY,
                    "card_company '" + t.cardCompany() + "' of transaction " + t.transactionId()
                            + " is not one of " + CARD_COMPANIES
                            + "; correct the row and set diff_status NONE"));
        }
        if (signContradictsType(t)) {
            return new DiffDecision.Refused(new LocalRejection(AMOUNT_SIGN_DOES_NOT_MATCH_TYPE,
                    "amount " + t.amount() + " of transaction " + t.transactionId() + " (" + t.transactionType()
                            + ") has the wrong sign (approvals positive, cancels negative); correct the row and"
                            + " set diff_status NONE"));
        }
        LocalDate date = t.transactionDate();
        if (!isPreferentialTier(t.feeTier()) || t.tierValidFrom() == null || t.tierValidTo() == null
                || date.isBefore(t.tierValidFrom()) || date.isAfter(t.tierValidTo())) {
            return new DiffDecision.NotEligible(TIER_NOT_PREFERENTIAL);
        }
        Optional<BigDecimal> preferential = rates.rateOn(date, t.cardType(), t.feeTier());
        if (preferential.isEmpty()) {
            // no preferential rate in force for that card type on that date: the tier gives nothing
            return new DiffDecision.NotEligible(TIER_NOT_PREFERENTIAL);
        }
        if (t.appliedFeeRate().compareTo(preferential.get()) <= 0) {
            return new DiffDecision.NotEligible(NO_DIFFERENCE);
        }
        long expected = expectedDifference(t.amount(), t.appliedFeeRate(), preferential.get());
        if (expected == 0 || Long.signum(expected) != Long.signum(t.amount())) {
            return new DiffDecision.NotEligible(NO_DIFFERENCE);
        }
        return new DiffDecision.Collect(expected);
    }

    /** amount × (applied − preferential) / 100, truncated toward zero (-190.9 → -190). */
    public static long expectedDifference(long amount, BigDecimal appliedRate, BigDecimal preferentialRate) {
        return BigDecimal.valueOf(amount)
                .multiply(appliedRate.subtract(preferentialRate))
                .divide(HUNDRED)
                .setScale(0, RoundingMode.DOWN)
                .longValueExact();
    }

    /** An approval below 0 or a cancel above 0; an amount of 0 is not a sign fault (it gives no difference: N002). */
    private static boolean signContradictsType(TransactionCandidate t) {
        return "APPROVAL".equals(t.transactionType()) ? t.amount() < 0 : t.amount() > 0;
    }

    public static boolean isMasked(String cardNo) {
        return cardNo != null && MASKED.matcher(cardNo).matches();
    }

    private static boolean isPreferentialTier(String tier) {
        return tier != null && switch (tier) {
            case "SMALL", "MEDIUM_1", "MEDIUM_2", "MEDIUM_3" -> true;
            default -> false;
        };
    }
}
