package kr.co.pg.settlement.scheduler.adapter.out.holidays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import kr.co.pg.settlement.scheduler.application.HolidayCalendar;
import kr.co.pg.settlement.scheduler.application.HolidayYearMissingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HolidayFilesTest {

    @TempDir
    Path dir;

    @Test
    void shippedYearsHoldTheLunarHolidaysAndSubstituteDays() {
        HolidayCalendar calendar = HolidayFiles.load(null);

        assertThat(calendar.years()).containsExactly(2025, 2026, 2027);
        assertThat(calendar.year(2025)).hasSize(19);
        assertThat(calendar.year(2026)).hasSize(21);
        assertThat(calendar.year(2027)).hasSize(21);
        assertThat(calendar.holidayOn(LocalDate.of(2025, 1, 29))).contains("설날");
        assertThat(calendar.holidayOn(LocalDate.of(2025, 10, 8))).contains("대체공휴일(추석)");
        assertThat(calendar.holidayOn(LocalDate.of(2026, 2, 17))).contains("설날");
        assertThat(calendar.holidayOn(LocalDate.of(2026, 3, 2))).contains("대체공휴일(삼일절)");
        assertThat(calendar.holidayOn(LocalDate.of(2026, 9, 24))).contains("추석 연휴");
        assertThat(calendar.holidayOn(LocalDate.of(2026, 9, 25))).contains("추석");
        assertThat(calendar.holidayOn(LocalDate.of(2026, 9, 26))).contains("추석 연휴");
        assertThat(calendar.holidayOn(LocalDate.of(2026, 9, 28))).isEmpty();
        assertThat(calendar.holidayOn(LocalDate.of(2027, 2, 7))).contains("설날");
        assertThat(calendar.holidayOn(LocalDate.of(2027, 2, 9))).contains("대체공휴일(설날)");
        assertThat(calendar.holidayOn(LocalDate.of(2027, 9, 15))).contains("추석");
        assertThat(calendar.holidayOn(LocalDate.of(2027, 12, 27))).contains("대체공휴일(기독탄신일)");
        assertThat(calendar.sourceOf(2026)).isEqualTo("classpath:holidays/2026.txt");
        // every substitute holiday is a weekday
        calendar.years().forEach(year -> calendar.year(year).forEach((date, name) -> {
            if (name.startsWith("대체공휴일")) {
                assertThat(date.getDayOfWeek()).as(date + " " + name).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            }
        }));
    }

    @Test
    void aMissingYearIsAnErrorNamingWhereToAddIt() {
        HolidayCalendar calendar = HolidayFiles.load(dir);

        assertThatThrownBy(() -> calendar.holidayOn(LocalDate.of(2028, 1, 3)))
                .isInstanceOf(HolidayYearMissingException.class)
                .hasMessageContaining("2028").hasMessageContaining("2028.txt").hasMessageContaining(dir.toString());
    }

    @Test
    void aDirectoryFileReplacesTheShippedYearAndAddsNewYears() throws IOException {
        write("2026.txt", "# only one\n\n2026-05-01 근로자의 날\n");
        write("2028.txt", "2028-01-01 신정\n");
        write("README.md", "ignored");

        HolidayCalendar calendar = HolidayFiles.load(dir);

        assertThat(calendar.year(2026)).containsOnlyKeys(LocalDate.of(2026, 5, 1));
        assertThat(calendar.sourceOf(2026)).isEqualTo(dir.resolve("2026.txt").toString());
        assertThat(calendar.holidayOn(LocalDate.of(2028, 1, 1))).contains("신정");
        assertThat(calendar.year(2025)).hasSize(19);
    }

    @Test
    void aBadDateNamesFileLineAndValue() throws IOException {
        Path file = write("2026.txt", "# comment\n2026-01-01 신정\n2026-02-30 설날\n");

        assertThatThrownBy(() -> HolidayFiles.load(dir)).isInstanceOf(HolidayFileException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("line 3")
                .hasMessageContaining("'2026-02-30'").hasMessageContaining("is not a date yyyy-MM-dd");
    }

    @Test
    void otherFaultsAreNamedToo() throws IOException {
        write("2026.txt", "2025-12-25 기독탄신일\n");
        assertThatThrownBy(() -> HolidayFiles.load(dir)).hasMessageContaining("line 1")
                .hasMessageContaining("'2025-12-25' is not in 2026");

        write("2026.txt", "2026-12-25\n");
        assertThatThrownBy(() -> HolidayFiles.load(dir)).hasMessageContaining("line 1")
                .hasMessageContaining("'2026-12-25' has no holiday name");

        write("2026.txt", "2026-12-25 기독탄신일\n2026-01-01 신정\n2026-12-25 성탄절\n");
        assertThatThrownBy(() -> HolidayFiles.load(dir)).hasMessageContaining("line 3")
                .hasMessageContaining("listed twice (lines 1 and 3)");

        write("2026.txt", "26-12-25 기독탄신일\n");
        assertThatThrownBy(() -> HolidayFiles.load(dir)).hasMessageContaining("'26-12-25' is not a date");

        Files.delete(dir.resolve("2026.txt"));
        write("holidays-2026.txt", "2026-12-25 기독탄신일\n");
        assertThatThrownBy(() -> HolidayFiles.load(dir)).hasMessageContaining("holidays-2026.txt")
                .hasMessageContaining("the name must be the year");
    }

    @Test
    void aDirectoryThatDoesNotExistStopsTheStart() {
        assertThatThrownBy(() -> HolidayFiles.load(dir.resolve("nope"))).isInstanceOf(HolidayFileException.class)
                .hasMessageContaining("nope").hasMessageContaining("does not exist");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
