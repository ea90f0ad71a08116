package kr.co.pg.settlement.simulator.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.kis.protocol.FeeTier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DomainRulesTest {

    @Test
    void difference_truncates_toward_zero() {
        assertThat(SettlementRules.difference(10_000, new BigDecimal("2.300"), new BigDecimal("0.400"))).isEqualTo(190);
        assertThat(SettlementRules.difference(-10_047, new BigDecimal("2.300"), new BigDecimal("0.400"))).isEqualTo(-190);
        assertThat(SettlementRules.difference(10_047, new BigDecimal("2.300"), new BigDecimal("0.400"))).isEqualTo(190);
        assertThat(SettlementRules.difference(99, new BigDecimal("1.000"), new BigDecimal("0.400"))).isZero();
    }

    @Test
    void rate_in_force_switches_on_its_effective_date() {
        PreferentialRateTable table = new PreferentialRateTable(List.of(
                new PreferentialRateTable.Entry(LocalDate.of(2022, 1, 31), 'C', Map.of(FeeTier.SMALL, new BigDecimal("0.500"))),
                new PreferentialRateTable.Entry(LocalDate.of(2025, 2, 14), 'C', Map.of(FeeTier.SMALL, new BigDecimal("0.400"))),
                new PreferentialRateTable.Entry(LocalDate.of(2025, 2, 14), 'K', Map.of(FeeTier.SMALL, new BigDecimal("0.150")))));
        assertThat(table.rate(FeeTier.SMALL, 'C', LocalDate.of(2025, 2, 13))).contains(new BigDecimal("0.500"));
        assertThat(table.rate(FeeTier.SMALL, 'C', LocalDate.of(2025, 2, 14))).contains(new BigDecimal("0.400"));
        assertThat(table.rate(FeeTier.SMALL, 'K', LocalDate.of(2025, 2, 14))).contains(new BigDecimal("0.150"));
        assertThat(table.rate(FeeTier.SMALL, 'K', LocalDate.of(2025, 2, 13))).isEmpty();
        assertThat(table.rate(FeeTier.GENERAL, 'C', LocalDate.of(2025, 3, 1))).isEmpty();
    }

    @Test
    void classification_period_and_payout() {
        assertThat(KisCalendar.endOfClassificationPeriod(LocalDate.of(2026, 2, 13))).isEqualTo(LocalDate.of(2026, 2, 13));
        assertThat(KisCalendar.endOfClassificationPeriod(LocalDate.of(2026, 2, 14))).isEqualTo(LocalDate.of(2026, 8, 13));
        assertThat(KisCalendar.endOfClassificationPeriod(LocalDate.of(2026, 8, 13))).isEqualTo(LocalDate.of(2026, 8, 13));
        assertThat(KisCalendar.endOfClassificationPeriod(LocalDate.of(2026, 8, 14))).isEqualTo(LocalDate.of(2027, 2, 13));
        assertThat(KisCalendar.payoutDate(LocalDate.of(2026, 3, 11))).isEqualTo(LocalDate.of(2026, 3, 13)); // Wed -> Fri
        assertThat(KisCalendar.payoutDate(LocalDate.of(2026, 3, 13))).isEqualTo(LocalDate.of(2026, 3, 17)); // Fri -> Tue
        assertThat(KisCalendar.payoutDate(LocalDate.of(2026, 3, 14))).isEqualTo(LocalDate.of(2026, 3, 17)); // Sat -> Tue
    }

    @Test
    void tiers_by_sales_bounds_and_digit_sum() {
        assertThat(TierPolicy.tierForSales(300_000_000L)).isEqualTo(FeeTier.SMALL);
        assertThat(TierPolicy.tierForSales(300_000_001L)).isEqualTo(FeeTier.MEDIUM_1);
        assertThat(TierPolicy.tierForSales(500_000_000L)).isEqualTo(FeeTier.MEDIUM_1);
        assertThat(TierPolicy.tierForSales(1_000_000_000L)).isEqualTo(FeeTier.MEDIUM_2);
        assertThat(TierPolicy.tierForSales(3_000_000_000L)).isEqualTo(FeeTier.MEDIUM_3);
        assertThat(TierPolicy.tierForSales(3_000_000_001L)).isEqualTo(FeeTier.GENERAL);
        assertThat(new TierPolicy().tierFor("2208162517")).isEqualTo(FeeTier.values()[(2 + 2 + 8 + 1 + 6 + 2 + 5 + 1 + 7) % 5]);
    }

    @Test
    void fault_share_decisions_are_deterministic_and_roughly_proportional() {
        FaultSettings f = new FaultSettings(0, 0, 503, null, 0, 1, 0, null, 0, 1, 0.3, 0, 7L);
        int chosen = 0;
        for (int i = 0; i < 10_000; i++) {
            boolean c = f.chosen(0.3, "tx" + i);
            assertThat(f.chosen(0.3, "tx" + i)).isEqualTo(c);
            chosen += c ? 1 : 0;
        }
        assertThat(chosen).isBetween(2_700, 3_300);
        assertThat(f.chosen(0.0, "x")).isFalse();
        assertThat(f.chosen(1.0, "x")).isTrue();
    }
}
