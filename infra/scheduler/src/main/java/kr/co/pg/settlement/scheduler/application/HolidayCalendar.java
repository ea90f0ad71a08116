package kr.co.pg.settlement.scheduler.application;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Korean public holidays by year, as loaded from data files. A year without data is unknown, never "no holidays". */
public final class HolidayCalendar {

    private final Map<Integer, SortedMap<LocalDate, String>> years;
    private final Map<Integer, String> sources;
    private final String whereToAddAYear;

    /**
     * @param years           holidays (date to name) per year
     * @param sources         per year, where its data came from (file name), for people
     * @param whereToAddAYear where an operator puts a missing year's file (said in errors)
     */
    public HolidayCalendar(Map<Integer, ? extends Map<LocalDate, String>> years, Map<Integer, String> sources,
                           String whereToAddAYear) {
        TreeMap<Integer, SortedMap<LocalDate, String>> copy = new TreeMap<>();
        years.forEach((year, days) -> copy.put(year, Collections.unmodifiableSortedMap(new TreeMap<>(days))));
        this.years = Collections.unmodifiableMap(copy);
        this.sources = Map.copyOf(sources);
        this.whereToAddAYear = whereToAddAYear;
    }

    /**
     * The holiday's name when {@code date} is a public holiday, empty when it is not.
     *
     * @throws HolidayYearMissingException when the calendar has no data for the date's year
     */
    public Optional<String> holidayOn(LocalDate date) {
        return Optional.ofNullable(year(date.getYear()).get(date));
    }

    /** @throws HolidayYearMissingException when the calendar has no data for {@code year} */
    public SortedMap<LocalDate, String> year(int year) {
        SortedMap<LocalDate, String> days = years.get(year);
        if (days == null) {
            throw new HolidayYearMissingException(year, whereToAddAYear);
        }
        return days;
    }

    public boolean covers(int year) {
        return years.containsKey(year);
    }

    public SortedSet<Integer> years() {
        return new TreeSet<>(years.keySet());
    }

    public String sourceOf(int year) {
        return sources.getOrDefault(year, "?");
    }

    public String whereToAddAYear() {
        return whereToAddAYear;
    }
}
