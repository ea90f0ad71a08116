package kr.co.pg.settlement.scheduler.application;

import static org.assertj.core.api.Assertions.assertThat;

import kr.co.pg.settlement.scheduler.MutableClock;
import org.junit.jupiter.api.Test;

class HolidayDataWatchTest {

    final MutableClock clock = new MutableClock("2026-06-01T09:00");
    final HolidayDataWatch watch = new HolidayDataWatch(Plans.only2026(), clock);

    @Test
    void theNextYearIsMissedNinetyDaysBeforeItStarts() {
        assertThat(watch.check()).isEmpty();
        clock.set("2026-10-02T23:59");
        assertThat(watch.check()).isEmpty();
        clock.set("2026-10-03T00:00");
        assertThat(watch.check()).containsExactly(2027);
        clock.set("2027-01-02T00:00");
        assertThat(watch.check()).containsExactly(2027);
    }
}
