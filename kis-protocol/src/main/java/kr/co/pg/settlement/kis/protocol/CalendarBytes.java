package kr.co.pg.settlement.kis.protocol;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * YYYYMMDD dates and HHMMSS times in record bytes. The check is written out rather than left to
 * {@code java.time} parsing so that a bad value costs no exception on the reader's hot path.
 */
final class CalendarBytes {

    static final int DATE_LENGTH = 8;
    static final int TIME_LENGTH = 6;

    private CalendarBytes() {
    }

    static boolean isDate(byte[] b, int from) {
        if (!AsciiBytes.allDigits(b, from, DATE_LENGTH)) {
            return false;
        }
        int y = (int) AsciiBytes.digits(b, from, 4);
        int m = (int) AsciiBytes.digits(b, from + 4, 2);
        int d = (int) AsciiBytes.digits(b, from + 6, 2);
        if (y < 1 || m < 1 || m > 12 || d < 1) {
            return false;
        }
        return d <= lengthOfMonth(y, m);
    }

    static int lengthOfMonth(int y, int m) {
        switch (m) {
            case 2:
                boolean leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
                return leap ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    static boolean isTime(byte[] b, int from) {
        return AsciiBytes.allDigits(b, from, TIME_LENGTH) && AsciiBytes.digits(b, from, 2) <= 23
                && AsciiBytes.digits(b, from + 2, 2) <= 59 && AsciiBytes.digits(b, from + 4, 2) <= 59;
    }

    /** Bytes that passed {@link #isDate}. */
    static LocalDate readDate(byte[] b, int from) {
        return LocalDate.of((int) AsciiBytes.digits(b, from, 4), (int) AsciiBytes.digits(b, from + 4, 2),
                (int) AsciiBytes.digits(b, from + 6, 2));
    }

    /** Bytes that passed {@link #isTime}. */
    static LocalTime readTime(byte[] b, int from) {
        return LocalTime.of((int) AsciiBytes.digits(b, from, 2), (int) AsciiBytes.digits(b, from + 2, 2),
                (int) AsciiBytes.digits(b, from + 4, 2));
    }

    /** The year must lie in 0001-9999 (checked by the caller). */
    static void writeDate(byte[] buf, int from, LocalDate date) {
        AsciiBytes.writeDigits(buf, from, 4, date.getYear());
        AsciiBytes.writeDigits(buf, from + 4, 2, date.getMonthValue());
        AsciiBytes.writeDigits(buf, from + 6, 2, date.getDayOfMonth());
    }

    /** Whole seconds only (checked by the caller). */
    static void writeTime(byte[] buf, int from, LocalTime time) {
        AsciiBytes.writeDigits(buf, from, 2, time.getHour());
        AsciiBytes.writeDigits(buf, from + 2, 2, time.getMinute());
        AsciiBytes.writeDigits(buf, from + 4, 2, time.getSecond());
    }
}
