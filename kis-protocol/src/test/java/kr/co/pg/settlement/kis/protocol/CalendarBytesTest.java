package kr.co.pg.settlement.kis.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalendarBytesTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest
    @CsvSource({"20240229, true", "20230229, false", "19000229, false", "20000229, true", "20240431, false",
            "20241301, false", "00000101, false", "2024x101, false"})
    void knowsLeapYearsAndMonthLengths(String yyyymmdd, boolean valid) {
        assertThat(CalendarBytes.isDate(ascii(yyyymmdd), 0)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"235959, true", "240000, false", "126000, false", "120060, false", "12 000, false"})
    void checksTimesUpTo235959(String hhmmss, boolean valid) {
        assertThat(CalendarBytes.isTime(ascii(hhmmss), 0)).isEqualTo(valid);
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
