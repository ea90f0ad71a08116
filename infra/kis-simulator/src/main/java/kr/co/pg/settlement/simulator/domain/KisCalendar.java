package kr.co.pg.settlement.simulator.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Date rules of the simulator: classification periods (14 Feb / 14 Aug) and payout dates. */
public final class KisCalendar {

    /** Last day of the classification period holding {@code date}: periods start 14 Feb and 14 Aug. */
    public static LocalDate endOfClassificationPeriod(LocalDate date) {
        int y = date.getYear();
        if (date.isBefore(LocalDate.of(y, 2, 14))) {
            return LocalDate.of(y, 2, 13);
        }
        if (date.isBefore(LocalDate.of(y, 8, 14))) {
            return LocalDate.of(y, 8, 13);
        }
        return LocalDate.of(y + 1, 2, 13);
    }

    /** Two weekdays (Mon-Fri; the simulator knows no holidays) after {@code fileDate}. */
    public static LocalDate payoutDate(LocalDate fileDate) {
        LocalDate d = fileDate;
        int weekdays = 0;
        while (weekdays < 2) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                weekdays++;
            }
        }
        return d;
    }

    private KisCalendar() {
    }
}
