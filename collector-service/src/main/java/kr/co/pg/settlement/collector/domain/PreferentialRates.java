package kr.co.pg.settlement.collector.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The preferential_fee_rate reference table: the rate in force on a date is the row with the greatest effective_from ≤ date. */
public final class PreferentialRates {

    public record Rate(LocalDate effectiveFrom, String cardType, String feeTier, BigDecimal rate) {
    }

    private final List<Rate> newestFirst;

    public PreferentialRates(List<Rate> rates) {
        List<Rate> copy = new ArrayList<>(rates);
        copy.sort(Comparator.comparing(Rate::effectiveFrom).reversed());
        this.newestFirst = List.copyOf(copy);
    }

    public Optional<BigDecimal> rateOn(LocalDate date, String cardType, String feeTier) {
        for (Rate r : newestFirst) {
            if (!r.effectiveFrom().isAfter(date) && r.cardType().equals(cardType) && r.feeTier().equals(feeTier)) {
                return Optional.of(r.rate().setScale(3, RoundingMode.UNNECESSARY));
            }
        }
        return Optional.empty();
    }
}
