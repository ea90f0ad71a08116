package kr.co.pg.settlement.ops;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;
import kr.co.pg.settlement.events.Job;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Argument converters whose refusals are one clear line (exit 2). */
public final class Converters {

    private Converters() {
    }

    public static final class BusinessDate implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("bad date '" + value + "': expected a business date like 2026-11-24");
            }
        }
    }

    public static final class JobName implements ITypeConverter<Job> {
        @Override
        public Job convert(String value) {
            return Job.fromName(value).orElseThrow(() -> new TypeConversionException("unknown job '" + value
                    + "': one of " + Arrays.stream(Job.values()).map(Job::name).collect(Collectors.joining(", "))));
        }
    }

    public static final class IsoDuration implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            if (value.matches("\\d+ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            try {
                return Duration.parse(value.startsWith("P") || value.startsWith("p") ? value : "PT" + value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("bad duration '" + value + "': expected e.g. 500ms, 45s, 30m, 2h or PT1H30M");
            }
        }
    }
}
