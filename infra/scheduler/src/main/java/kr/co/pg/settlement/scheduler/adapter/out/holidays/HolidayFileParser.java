package kr.co.pg.settlement.scheduler.adapter.out.holidays;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads one year's file: UTF-8, one holiday per line {@code yyyy-MM-dd name}; blank lines and lines starting with
 * {@code #} are ignored. Every date must be a real date of the file's year and appear once.
 */
final class HolidayFileParser {

    private HolidayFileParser() {
    }

    static TreeMap<LocalDate, String> parse(String source, int year, InputStream in) {
        TreeMap<LocalDate, String> days = new TreeMap<>();
        Map<LocalDate, Integer> lineOf = new HashMap<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder))) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                String text = line.strip();
                if (number == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1).strip();
                }
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] parts = text.split("\\s+", 2);
                LocalDate date = date(source, number, parts[0], year);
                if (parts.length < 2 || parts[1].isBlank()) {
                    throw fault(source, number, parts[0], "has no holiday name (expected 'yyyy-MM-dd name')");
                }
                Integer earlier = lineOf.putIfAbsent(date, number);
                if (earlier != null) {
                    throw fault(source, number, parts[0], "is listed twice (lines " + earlier + " and " + number
                            + "); put both names on one line");
                }
                days.put(date, parts[1].strip());
            }
        } catch (CharacterCodingException e) {
            throw new HolidayFileException(source + ": not valid UTF-8: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new HolidayFileException(source + ": cannot be read: " + e.getMessage(), e);
        }
        return days;
    }

    private static LocalDate date(String source, int number, String value, int year) {
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw fault(source, number, value, "is not a date yyyy-MM-dd (" + e.getMessage() + ")");
        }
        if (date.getYear() != year) {
            throw fault(source, number, value, "is not in " + year + ", the year the file is named after");
        }
        return date;
    }

    private static HolidayFileException fault(String source, int number, String value, String why) {
        return new HolidayFileException("holiday file " + source + " line " + number + ": '" + value + "' " + why
                + ". Fix the file and restart the scheduler.");
    }
}
