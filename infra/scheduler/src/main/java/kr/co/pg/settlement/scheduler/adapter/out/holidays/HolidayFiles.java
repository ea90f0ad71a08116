package kr.co.pg.settlement.scheduler.adapter.out.holidays;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kr.co.pg.settlement.scheduler.application.HolidayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Loads the public holidays: one file per year, {@code holidays/{yyyy}.txt} on the class path (shipped with the
 * scheduler), each replaced whole by a {@code {yyyy}.txt} in the configured directory when there is one. Any fault
 * stops the start-up with the file, line and value.
 */
public final class HolidayFiles {

    public static final String CLASSPATH_PATTERN = "classpath*:holidays/*.txt";
    private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.txt");
    private static final Logger log = LoggerFactory.getLogger(HolidayFiles.class);

    private HolidayFiles() {
    }

    /** @param directory overriding/extra year files, or null */
    public static HolidayCalendar load(Path directory) {
        Map<Integer, TreeMap<LocalDate, String>> years = new TreeMap<>();
        Map<Integer, String> sources = new HashMap<>();
        for (Resource resource : classpathFiles()) {
            int year = yearOf("holidays/" + resource.getFilename());
            String source = "classpath:holidays/" + resource.getFilename();
            try (InputStream in = resource.getInputStream()) {
                years.put(year, HolidayFileParser.parse(source, year, in));
                sources.put(year, source);
            } catch (IOException e) {
                throw new HolidayFileException(source + ": cannot be read: " + e.getMessage(), e);
            }
        }
        String whereToAdd = "the holiday directory (settlement.scheduler.holidays.directory, env "
                + "SCHEDULER_HOLIDAYS_DIR)";
        if (directory != null) {
            whereToAdd = directory.toAbsolutePath().toString();
            for (Path file : directoryFiles(directory)) {
                int year = yearOf(file.toString());
                try (InputStream in = Files.newInputStream(file)) {
                    years.put(year, HolidayFileParser.parse(file.toString(), year, in));
                    sources.put(year, file.toString());
                } catch (IOException e) {
                    throw new HolidayFileException(file + ": cannot be read: " + e.getMessage(), e);
                }
            }
        }
        years.forEach((year, days) -> log.info("Public holidays {}: {} days from {}", year, days.size(),
                sources.get(year)));
        return new HolidayCalendar(years, sources, whereToAdd);
    }

    private static Resource[] classpathFiles() {
        try {
            return new PathMatchingResourcePatternResolver(HolidayFiles.class.getClassLoader())
                    .getResources(CLASSPATH_PATTERN);
        } catch (IOException e) {
            throw new HolidayFileException("cannot list " + CLASSPATH_PATTERN + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> directoryFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new HolidayFileException("holiday directory " + directory.toAbsolutePath() + " (settlement."
                    + "scheduler.holidays.directory) does not exist or is not a directory");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new HolidayFileException("cannot list holiday directory " + directory + ": " + e.getMessage(), e);
        }
    }

    private static int yearOf(String file) {
        String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        Matcher matcher = YEAR_FILE.matcher(name);
        if (!matcher.matches()) {
            throw new HolidayFileException("holiday file " + file + ": the name must be the year, e.g. 2026.txt");
        }
        return Integer.parseInt(matcher.group(1));
    }
}
