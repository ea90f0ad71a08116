package kr.co.pg.settlement.collector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import kr.co.pg.settlement.events.status.DiffStatus;
import kr.co.pg.settlement.events.status.KisRegStatus;
import org.junit.jupiter.api.Test;

class DifferenceSettlementPolicyTest {

    static final PreferentialRates RATES = new PreferentialRates(rates());
    final DifferenceSettlementPolicy policy = new DifferenceSettlementPolicy(RATES);

    static List<PreferentialRates.Rate> rates() {
        List<PreferentialRates.Rate> r = new ArrayList<>();
        String[] tiers = {"SMALL", "MEDIUM_1", "MEDIUM_2", "MEDIUM_3"};
        String[][] values = {
                {"2022-01-31", "CREDIT", "0.500", "1.100", "1.250", "1.500"},
                {"2022-01-31", "CHECK", "0.250", "0.850", "1.000", "1.250"},
                {"2025-02-14", "CREDIT", "0.400", "1.000", "1.150", "1.450"},
                {"2025-02-14", "CHECK", "0.150", "0.750", "0.900", "1.150"}};
        for (String[] row : values) {
            for (int i = 0; i < 4; i++) {
                r.add(new PreferentialRates.Rate(LocalDate.parse(row[0]), row[1], tiers[i], new BigDecimal(row[2 + i])));
            }
        }
        return r;
    }

    static TransactionCandidate tx(String type, LocalDateTime at, long amount, String rate, String cardType,
                                   String tier, KisRegStatus regStatus, String maskedCard) {
        return new TransactionCandidate("T1", "SM1", "KB", cardType, type, "12345678", at, null, null, maskedCard,
                amount, new BigDecimal(rate), 0, regStatus, tier, LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31),
                "KIS000000000001", "2208162517");
    }

    static TransactionCandidate approval(LocalDateTime at, long amount, String rate, String cardType, String tier) {
        return tx("APPROVAL", at, amount, rate, cardType, tier, KisRegStatus.REGISTERED, "123456******1234");
    }

    @Test
    void rateBoundaryUsesTheRowInForceOnTheTransactionDate() {
        // 10,000 KRW at 2.300 %: SMALL credit 0.500 (2022 row) → 180; 0.400 (2025 row) → 190
        assertThat(policy.decide(approval(LocalDateTime.of(2025, 2, 13, 23, 59, 59), 10_000, "2.300", "CREDIT", "SMALL"), false))
                .isEqualTo(new DiffDecision.Collect(180));
        assertThat(policy.decide(approval(LocalDateTime.of(2025, 2, 14, 0, 0, 0), 10_000, "2.300", "CREDIT", "SMALL"), false))
                .isEqualTo(new DiffDecision.Collect(190));
    }

    @Test
    void checkCardsUseTheCheckRates() {
        // MEDIUM_2 check 2025: 0.900 → 10,000 × (1.500 − 0.900) / 100 = 60
        assertThat(policy.decide(approval(LocalDateTime.of(2026, 3, 1, 12, 0), 10_000, "1.500", "CHECK", "MEDIUM_2"), false))
                .isEqualTo(new DiffDecision.Collect(60));
        // the same on credit: 1.150 → 35
        assertThat(policy.decide(approval(LocalDateTime.of(2026, 3, 1, 12, 0), 10_000, "1.500", "CREDIT", "MEDIUM_2"), false))
                .isEqualTo(new DiffDecision.Collect(35));
    }

    @Test
    void amountsTruncateTowardZeroForBothSigns() {
        // 9,545 × 2.000 / 100 = 190.9
        assertThat(DifferenceSettlementPolicy.expectedDifference(9_545, new BigDecimal("2.400"), new BigDecimal("0.400")))
                .isEqualTo(190);
        assertThat(DifferenceSettlementPolicy.expectedDifference(-9_545, new BigDecimal("2.400"), new BigDecimal("0.400")))
                .isEqualTo(-190);
        TransactionCandidate partialCancel = tx("PARTIAL_CANCEL", LocalDateTime.of(2026, 3, 1, 9, 0), -9_545, "2.400",
                "CREDIT", "SMALL", KisRegStatus.REGISTERED, "123456******1234");
        assertThat(policy.decide(partialCancel, false)).isEqualTo(new DiffDecision.Collect(-190));
    }

    @Test
    void subMerchantNotRegisteredWaits() {
        assertThat(policy.decide(tx("APPROVAL", LocalDateTime.of(2026, 3, 1, 9, 0), 10_000, "2.300", "CREDIT", "SMALL",
                KisRegStatus.SENT, "123456******1234"), false)).isInstanceOf(DiffDecision.Wait.class);
        assertThat(policy.decide(tx("APPROVAL", LocalDateTime.of(2026, 3, 1, 9, 0), 10_000, "2.300", "CREDIT", "SMALL",
                KisRegStatus.REJECTED, "123456******1234"), false)).isInstanceOf(DiffDecision.Wait.class);
    }

    @Test
    void n001ForGeneralTierNoTierOrTierNotValidOnTheDate() {
        assertThat(policy.decide(approval(LocalDateTime.of(2026, 3, 1, 9, 0), 10_000, "2.300", "CREDIT", "GENERAL"), false))
                .isEqualTo(new DiffDecision.NotEligible("N001"));
        assertThat(policy.decide(approval(LocalDateTime.of(2026, 3, 1, 9, 0), 10_000, "2.300", "CREDIT", null), false))
                .isEqualTo(new DiffDecision.NotEligible("N001"));
        TransactionCandidate outside = new TransactionCandidate("T1", "SM1", "KB", "CREDIT", "APPROVAL", "1", 
                LocalDateTime.of(2026, 2, 14, 0, 0), null, null, "123456******1234", 10_000, new BigDecimal("2.300"), 0,
                KisRegStatus.REGISTERED, "SMALL", LocalDate.of(2025, 8, 14), LocalDate.of(2026, 2, 13), "K", "2208162517");
        assertThat(policy.decide(outside, false)).isEqualTo(new DiffDecision.NotEligible("N001"));
        TransactionCandidate lastValidDay = new TransactionCandidate("T1", "SM1", "KB", "CREDIT", "APPROVAL", "1",
                LocalDateTime.of(2026, 2, 13, 23, 59, 59), null, null, "123456******1234", 10_000, new BigDecimal("2.300"), 0,
                KisRegStatus.REGISTERED, "SMALL", LocalDate.of(2025, 8, 14), LocalDate.of(2026, 2, 13), "K", "2208162517");
        assertThat(policy.decide(lastValidDay, false)).isEqualTo(new DiffDecision.Collect(190));
    }

    @Test
    void n002WhenAppliedRateIsNotAbovePreferentialOrTheDifferenceIsZeroOrOfTheWrongSign() {
        assertThat(policy.decide(approval(LocalDateTime.of(2026, 3, 1, 9, 0), 10_000, "0.400", "CREDIT", "SMALL"), false))
                .isEqualTo(new DiffDecision.NotEligible("N002"));
        assertThat(policy.decide(approval(LocalDateTime.of(2026, 3, 1, 9, 0), 10_000, "0.300", "CREDIT", "SMALL"), false))
                .isEqualTo(new DiffDecision.NotEligible("N002"));
        // 10 KRW × 0.001 % rounds to 0
        assertThat(policy.decide(approval(LocalDateTime.of(2026, 3, 1, 9, 0), 10, "0.401", "CREDIT", "SMALL"), false))
                .isEqualTo(new DiffDecision.NotEligible("N002"));
    }

    @Test
    void n002ForAnAmountOfExactlyZero() {
        // every eligibility rule holds; 0 × anything is 0: nothing to claim, never sent
        assertThat(policy.decide(approval(LocalDateTime.of(2026, 3, 1, 9, 0), 0, "2.300", "CREDIT", "SMALL"), false))
                .isEqualTo(new DiffDecision.NotEligible("N002"));
        assertThat(policy.decide(tx("CANCEL", LocalDateTime.of(2026, 3, 1, 9, 0), 0, "2.300", "CREDIT", "SMALL",
                KisRegStatus.REGISTERED, "123456******1234"), false)).isEqualTo(new DiffDecision.NotEligible("N002"));
    }

    @Test
    void l202AnUnknownCardCompanyIsRefusedAloneNotSent() {
        for (String company : new String[] {"XX", "kb", "", null, "KBC"}) {
            TransactionCandidate t = new TransactionCandidate("T9", "SM1", company, "CREDIT", "APPROVAL", "12345678",
                    LocalDateTime.of(2026, 3, 1, 9, 0), null, null, "123456******1234", 10_000, new BigDecimal("2.300"),
                    230, KisRegStatus.REGISTERED, "SMALL", LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31),
                    "KIS000000000001", "2208162517");
            DiffDecision d = policy.decide(t, false);
            assertThat(d).isInstanceOfSatisfying(DiffDecision.Refused.class, r -> {
                assertThat(r.rejection().code()).isEqualTo("L202");
                assertThat(r.rejection().message()).contains("card_company '" + company + "' of transaction T9");
            });
        }
        for (String company : DifferenceSettlementPolicy.CARD_COMPANIES) {
            TransactionCandidate t = new TransactionCandidate("T9", "SM1", company, "CREDIT", "APPROVAL", "12345678",
                    LocalDateTime.of(2026, 3, 1, 9, 0), null, null, "123456******1234", 10_000, new BigDecimal("2.300"),
                    230, KisRegStatus.REGISTERED, "SMALL", LocalDate.of(2020, 1, 1), LocalDate.of(2030, 12, 31),
                    "KIS000000000001", "2208162517");
            assertThat(policy.decide(t, false)).isEqualTo(new DiffDecision.Collect(190));
        }
    }

    @Test
    void l203AnApprovalWithANegativeAmountOrACancelWithAPositiveOneIsRefused() {
        LocalDateTime at = LocalDateTime.of(2026, 3, 1, 9, 0);
        assertThat(policy.decide(approval(at, -10_000, "2.300", "CREDIT", "SMALL"), false))
                .isInstanceOfSatisfying(DiffDecision.Refused.class, r -> {
                    assertThat(r.rejection().code()).isEqualTo("L203");
                    assertThat(r.rejection().message()).contains("amount -10000 of transaction T1 (APPROVAL)");
                });
        for (String type : new String[] {"CANCEL", "PARTIAL_CANCEL"}) {
            assertThat(policy.decide(tx(type, at, 10_000, "2.300", "CREDIT", "SMALL", KisRegStatus.REGISTERED, "123456******1234"),
                    false)).isInstanceOfSatisfying(DiffDecision.Refused.class,
                    r -> assertThat(r.rejection().code()).isEqualTo("L203"));
        }
        // refused even when the tier would make it N001: bad data is reported, not hidden behind eligibility
        assertThat(policy.decide(approval(at, -10_000, "2.300", "CREDIT", "GENERAL"), false))
                .isInstanceOfSatisfying(DiffDecision.Refused.class,
                        r -> assertThat(r.rejection().code()).isEqualTo("L203"));
        // a same-day pair is N003 on both rows whatever their data: neither is ever sent
        assertThat(policy.decide(approval(at, -10_000, "2.300", "CREDIT", "SMALL"), true))
                .isEqualTo(new DiffDecision.NotEligible("N003"));
    }

    @Test
    void aCancelWhoseOriginalApprovalIsUnknownIsSentAsACancel() {
        // no approval row matches (not a same-day pair): the cancel is collected with its negative difference and
        // KIS decides (E203 "cancel whose original approval KIS does not know" when it does not know it either)
        TransactionCandidate orphan = new TransactionCandidate("T7", "SM1", "KB", "CREDIT", "CANCEL", "87654321",
                LocalDateTime.of(2026, 3, 2, 9, 0), "99999999", LocalDate.of(2026, 2, 27), "123456******1234",
                -10_000, new BigDecimal("2.300"), -230, KisRegStatus.REGISTERED, "SMALL", LocalDate.of(2020, 1, 1),
                LocalDate.of(2030, 12, 31), "KIS000000000001", "2208162517");
        assertThat(policy.decide(orphan, false)).isEqualTo(new DiffDecision.Collect(-190));
    }

    @Test
    void n003ForASameDayCancelPair() {
        assertThat(policy.decide(approval(LocalDateTime.of(2026, 3, 1, 9, 0), 10_000, "2.300", "CREDIT", "SMALL"), true))
                .isEqualTo(new DiffDecision.NotEligible("N003"));
        LocalDateTime morning = LocalDateTime.of(2026, 3, 1, 9, 0);
        SameDayCancel.Row original = new SameDayCancel.Row("T1", "SM1", "APPROVAL", "A1", morning, null, null, DiffStatus.NONE, null);
        SameDayCancel.Row cancel = new SameDayCancel.Row("T2", "SM1", "CANCEL", "C1", morning.plusHours(5), "A1",
                LocalDate.of(2026, 3, 1), DiffStatus.NONE, null);
        assertThat(SameDayCancel.isPair(cancel, original)).isTrue();
        SameDayCancel.Row nextDayCancel = new SameDayCancel.Row("T2", "SM1", "CANCEL", "C1", morning.plusDays(1), "A1",
                LocalDate.of(2026, 3, 1), DiffStatus.NONE, null);
        assertThat(SameDayCancel.isPair(nextDayCancel, original)).isFalse();
        SameDayCancel.Row partial = new SameDayCancel.Row("T2", "SM1", "PARTIAL_CANCEL", "C1", morning.plusHours(5), "A1",
                LocalDate.of(2026, 3, 1), DiffStatus.NONE, null);
        assertThat(SameDayCancel.isPair(partial, original)).isFalse();
        SameDayCancel.Row sentOriginal = new SameDayCancel.Row("T1", "SM1", "APPROVAL", "A1", morning, null, null, DiffStatus.SENT, null);
        assertThat(SameDayCancel.isPair(cancel, sentOriginal)).isFalse();
        SameDayCancel.Row halfDone = new SameDayCancel.Row("T1", "SM1", "APPROVAL", "A1", morning, null, null,
                DiffStatus.NOT_ELIGIBLE, "N003");
        assertThat(SameDayCancel.isPair(cancel, halfDone)).isTrue();
        // the other row refused first for its unmasked card number (another slice, an earlier run): never sent either
        SameDayCancel.Row refusedOriginal = new SameDayCancel.Row("T1", "SM1", "APPROVAL", "A1", morning, null, null,
                DiffStatus.REJECTED, "L201");
        assertThat(SameDayCancel.isPair(cancel, refusedOriginal)).isTrue();
        SameDayCancel.Row rejectedByKis = new SameDayCancel.Row("T1", "SM1", "APPROVAL", "A1", morning, null, null,
                DiffStatus.REJECTED, "E203");
        assertThat(SameDayCancel.isPair(cancel, rejectedByKis)).as("KIS saw it: it was sent").isFalse();
        SameDayCancel.Row otherMerchant = new SameDayCancel.Row("T1", "SM2", "APPROVAL", "A1", morning, null, null, DiffStatus.NONE, null);
        assertThat(SameDayCancel.isPair(cancel, otherMerchant)).isFalse();
    }

    @Test
    void anUnmaskedCardNumberIsNeverSent() {
        // a made-up unmasked value (fails the Luhn check: no card has it) that the policy must refuse and never echo
        DiffDecision d = policy.decide(tx("APPROVAL", LocalDateTime.of(2026, 3, 1, 9, 0), 10_000, "2.300", "CREDIT",
                "SMALL", KisRegStatus.REGISTERED, "1234567812345678"), false);
        assertThat(d).isInstanceOf(DiffDecision.Refused.class);
        assertThat(((DiffDecision.Refused) d).rejection().code()).isEqualTo("L201");
        assertThat(((DiffDecision.Refused) d).rejection().message()).doesNotContain("1234567812345678");
        assertThat(DifferenceSettlementPolicy.isMasked("123456******1234")).isTrue();
        assertThat(DifferenceSettlementPolicy.isMasked("123456*****12345")).isFalse();
        assertThat(DifferenceSettlementPolicy.isMasked(null)).isFalse();
    }

    static final LocalDateTime MORNING = LocalDateTime.of(2026, 3, 1, 9, 0);

    static void assertRefusedL201(DiffDecision d, String cardNo) {
        assertThat(d).isInstanceOf(DiffDecision.Refused.class);
        assertThat(((DiffDecision.Refused) d).rejection().code()).isEqualTo("L201");
        // the message names the transaction, never the value of the column
        if (cardNo.trim().matches("\\d{13,19}")) {
            assertThat(((DiffDecision.Refused) d).rejection().message()).doesNotContain(cardNo.trim());
        }
    }

    /** The mask check comes first: every eligibility rule that would otherwise decide the row is bypassed. */
    @Test
    void anUnmaskedCardNumberIsRefusedBeforeTheEligibilityChecks() {
        String full = withCheckDigit("4" + "1".repeat(14));
        // sub-merchant not yet REGISTERED: refused at once, not left NONE (reverting the order gives Wait)
        for (KisRegStatus status : new KisRegStatus[]{KisRegStatus.NONE, KisRegStatus.REQUESTED, KisRegStatus.SENT,
                KisRegStatus.REJECTED, KisRegStatus.CHANGED, KisRegStatus.CLOSE_PENDING}) {
            assertRefusedL201(policy.decide(tx("APPROVAL", MORNING, 10_000, "2.300", "CREDIT", "SMALL", status, full),
                    false), full);
        }
        // one row of a same-day cancel pair: that row L201 (the other row, masked, still N003; below)
        assertRefusedL201(policy.decide(tx("CANCEL", MORNING, -10_000, "2.300", "CREDIT", "SMALL", KisRegStatus.REGISTERED, full),
                true), full);
        // GENERAL tier / no tier (N001 otherwise)
        assertRefusedL201(policy.decide(tx("APPROVAL", MORNING, 10_000, "2.300", "CREDIT", "GENERAL", KisRegStatus.REGISTERED, full),
                false), full);
        assertRefusedL201(policy.decide(tx("APPROVAL", MORNING, 10_000, "2.300", "CREDIT", null, KisRegStatus.REGISTERED, full),
                false), full);
        // applied rate not above the preferential one (N002 otherwise)
        assertRefusedL201(policy.decide(tx("APPROVAL", MORNING, 10_000, "0.300", "CREDIT", "SMALL", KisRegStatus.REGISTERED, full),
                false), full);
        // even a row that is not REGISTERED, in a pair and of a GENERAL tier
        assertRefusedL201(policy.decide(tx("CANCEL", MORNING, -10_000, "0.300", "CREDIT", "GENERAL", KisRegStatus.SENT, full),
                true), full);
    }

    @Test
    void theMaskedPartnerOfAnUnmaskedPairRowIsStillN003() {
        assertThat(policy.decide(tx("APPROVAL", MORNING, 10_000, "2.300", "CREDIT", "SMALL", KisRegStatus.REGISTERED,
                "411111******1111"), true)).isEqualTo(new DiffDecision.NotEligible("N003"));
        // and a masked row of a sub-merchant not REGISTERED still waits
        assertThat(policy.decide(tx("APPROVAL", MORNING, 10_000, "2.300", "CREDIT", "SMALL", KisRegStatus.SENT,
                "411111******1111"), true)).isInstanceOf(DiffDecision.Wait.class);
    }

    @Test
    void cardNumbersOfEveryLengthLuhnValidOrNotAreRefused() {
        String[] numbers = {
                // synthetic numbers built here (no card number is written in the source), Luhn-valid and not
                withCheckDigit("4" + "2".repeat(11)),                       // 13, Luhn-valid
                broken(withCheckDigit("4" + "2".repeat(11))),               // 13, not
                withCheckDigit("37" + "8".repeat(12)),                      // 15, Luhn-valid
                withCheckDigit("4" + "1".repeat(14)),                       // 16, Luhn-valid
                broken(withCheckDigit("4" + "1".repeat(14))),               // 16, not
                withCheckDigit("6011" + "0".repeat(11)),                    // 16, Luhn-valid
                withCheckDigit("4" + "2".repeat(11)) + "   ",               // 13 padded (a CHAR(16) column)
                "123456*****12345",     // a wrong mask
                "123456******123",      // too short
                "",                     // blank
                "abcdef******ghij"};
        for (String n : numbers) {
            assertRefusedL201(policy.decide(tx("APPROVAL", MORNING, 10_000, "2.300", "CREDIT", "SMALL", KisRegStatus.REGISTERED, n),
                    false), n);
            assertThat(DifferenceSettlementPolicy.isMasked(n)).as(n).isFalse();
        }
        assertThat(policy.decide(tx("APPROVAL", MORNING, 10_000, "2.300", "CREDIT", "SMALL", KisRegStatus.REGISTERED, null), false))
                .isInstanceOf(DiffDecision.Refused.class);
    }

    @Test
    void noRateInForceBeforeTheFirstEffectiveDate() {
        assertThat(RATES.rateOn(LocalDate.of(2022, 1, 30), "CREDIT", "SMALL")).isEmpty();
        assertThat(RATES.rateOn(LocalDate.of(2022, 1, 31), "CREDIT", "SMALL")).contains(new BigDecimal("0.500"));
    }

    /** {@code body} with its Luhn check digit appended. */
    static String withCheckDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return body + (10 - sum % 10) % 10;
    }

    /** The same number with a wrong check digit. */
    static String broken(String number) {
        char last = number.charAt(number.length() - 1);
        return number.substring(0, number.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }
}
