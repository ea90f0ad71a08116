package kr.co.pg.settlement.kis.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class CalendarBytesTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void knowsLeapYearsAndMonthLengths() {
        assertThat(CalendarBytes.isDate(ascii("20240229"), 0)).isTrue();
        assertThat(CalendarBytes.isDate(ascii("20230229"), 0)).isFalse();
        assertThat(CalendarBytes.isDate(ascii("19000229"), 0)).isFalse();
        assertThat(CalendarBytes.isDate(ascii("20000229"), 0)).isTrue();
        assertThat(CalendarBytes.isDate(ascii("20240431"), 0)).isFalse();
        assertThat(CalendarBytes.isDate(ascii("20241301"), 0)).isFalse();
        assertThat(CalendarBytes.isDate(ascii("00000101"), 0)).isFalse();
        assertThat(CalendarBytes.isDate(ascii("2024 101"), 0)).isFalse();
    }

    @Test
    void checksTimesUpTo235959() {
        assertThat(CalendarBytes.isTime(ascii("235959"), 0)).isTrue();
        assertThat(CalendarBytes.isTime(ascii("240000"), 0)).isFalse();
        assertThat(CalendarBytes.isTime(ascii("126000"), 0)).isFalse();
        assertThat(CalendarBytes.isTime(ascii("120060"), 0)).isFalse();
    }

    @Test
    void writesWhatItReadsAtAnOffset() {
        byte[] buf = ascii("xx              yy");
        CalendarBytes.writeDate(buf, 2, LocalDate.of(987, 3, 4));
        CalendarBytes.writeTime(buf, 10, LocalTime.of(5, 6, 7));

        assertThat(new String(buf, StandardCharsets.US_ASCII)).isEqualTo("xx09870304050607yy");
        assertThat(CalendarBytes.readDate(buf, 2)).isEqualTo(LocalDate.of(987, 3, 4));
        assertThat(CalendarBytes.readTime(buf, 10)).isEqualTo(LocalTime.of(5, 6, 7));
    }
}
