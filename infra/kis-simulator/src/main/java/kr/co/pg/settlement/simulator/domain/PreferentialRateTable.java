package kr.co.pg.settlement.simulator.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.co.pg.settlement.kis.protocol.FeeTier;

/** Preferential fee rates by tier and card type with effective dates (domain.md); reference data from configuration. */
public final class PreferentialRateTable {

    /** One row: from {@code effectiveFrom} on, card type 'C' (credit) or 'K' (check), rates in percent, scale 3. */
    public record Entry(LocalDate effectiveFrom, char cardType, Map<FeeTier, BigDecimal> rates) {
        public Entry {
            if (cardType != 'C' && cardType != 'K') {
                throw new IllegalArgumentException("card type must be C (credit) or K (check), got '" + cardType + "'");
            }
            EnumMap<FeeTier, BigDecimal> copy = new EnumMap<>(FeeTier.class);
            rates.forEach((tier, rate) -> copy.put(tier, rate.setScale(3, RoundingMode.UNNECESSARY)));
            rates = Map.copyOf(copy);
        }
    }

    private final List<Entry> newestFirst;

    public PreferentialRateTable(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("the preferential rate table is empty: configure kis.simulator.preferential-rates");
        }
        this.newestFirst = entries.stream().sorted(Comparator.comparing(Entry::effectiveFrom).reversed()).toList();
    }

    /** The rate in force on {@code date}, empty when the table has none (date before every row, or tier GENERAL). */
    public Optional<BigDecimal> rate(FeeTier tier, char cardType, LocalDate date) {
        for (Entry e : newestFirst) {
            if (e.cardType() == cardType && !e.effectiveFrom().isAfter(date)) {
                return Optional.ofNullable(e.rates().get(tier));
            }
        }
        return Optional.empty();
    }
}
