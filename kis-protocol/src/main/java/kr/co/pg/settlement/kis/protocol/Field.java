package kr.co.pg.settlement.kis.protocol;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;

/**
 * One row of a layout table of kis-interface.md section 3: name, position (from 1), length in bytes and type.
 * Knows how to check, read and write its bytes without building intermediate Strings for numbers.
 */
final class Field {

    enum Type {
        /** text, CP949, left-aligned, space-padded */
        A,
        /** digits, zero-padded */
        N,
        /** sign byte then digits */
        S,
        /** rate in thousandths of a percent, N(5) */
        R,
        /** YYYYMMDD, required */
        DATE,
        /** YYYYMMDD or 8 spaces */
        OPTIONAL_DATE,
        /** HHMMSS */
        TIME,
        /** YYYYMMDDHHMMSS */
        DATE_TIME,
        /** one of a fixed set of ASCII codes (may include the all-spaces code) */
        CODE
    }

    static final byte SPACE = ' ';

    final String name;
    final int pos;
    final int len;
    final Type type;
    /** offset of the first byte inside a record */
    final int offset;
    private final String[] codes;
    private final String label;
    private final long maxMagnitude;

    private Field(String name, int pos, int len, Type type, String... codes) {
        this.name = name;
        this.pos = pos;
        this.len = len;
        this.type = type;
        this.offset = pos - 1;
        this.codes = codes;
        this.label = name + " (pos " + pos + "-" + (pos + len - 1) + ")";
        int digits = type == Type.S ? len - 1 : len;
        long max = 1;
        for (int i = 0; i < Math.min(digits, 18); i++) {
            max *= 10;
        }
        this.maxMagnitude = digits >= 19 ? Long.MAX_VALUE : max - 1;
    }

    static Field a(String name, int pos, int len) {
        return new Field(name, pos, len, Type.A);
    }

    static Field n(String name, int pos, int len) {
        return new Field(name, pos, len, Type.N);
    }

    static Field s(String name, int pos, int len) {
        return new Field(name, pos, len, Type.S);
    }

    static Field r(String name, int pos) {
        return new Field(name, pos, 5, Type.R);
    }

    static Field date(String name, int pos) {
        return new Field(name, pos, 8, Type.DATE);
    }

    static Field optionalDate(String name, int pos) {
        return new Field(name, pos, 8, Type.OPTIONAL_DATE);
    }

    static Field time(String name, int pos) {
        return new Field(name, pos, 6, Type.TIME);
    }

    static Field dateTime(String name, int pos) {
        return new Field(name, pos, 14, Type.DATE_TIME);
    }

    static Field code(String name, int pos, int len, String... codes) {
        for (String c : codes) {
            if (c.length() != len) {
                throw new IllegalArgumentException("code " + c + " does not fill " + len + " bytes");
            }
        }
        return new Field(name, pos, len, Type.CODE, codes);
    }

    /** e.g. {@code amount (pos 132-145)} */
    String label() {
        return label;
    }

    long maxMagnitude() {
        return maxMagnitude;
    }

    String[] codes() {
        return codes.clone();
    }

    // ------------------------------------------------------------------ checking (reader, pass 1)

    /** Null when the bytes are a valid value of this field, else the reason. */
    String check(byte[] b, int base, Cp949Text text) {
        int from = base + offset;
        switch (type) {
            case A:
                return text.check(b, from, len);
            case N:
            case R:
                return allDigits(b, from, len) ? null : "not digits (N(" + len + "))";
            case S:
                return checkSigned(b, from);
            case DATE:
                return isDate(b, from) ? null : "not a calendar date YYYYMMDD";
            case OPTIONAL_DATE:
                return isDate(b, from) || allSpaces(b, from, 8) ? null : "not a calendar date YYYYMMDD nor 8 spaces";
            case TIME:
                return isTime(b, from) ? null : "not a time HHMMSS";
            case DATE_TIME:
                return isDate(b, from) && isTime(b, from + 8) ? null : "not a date-time YYYYMMDDHHMMSS";
            case CODE:
                return codeIndex(b, from) >= 0 ? null : "not one of " + describeCodes();
            default:
                throw new AssertionError(type);
        }
    }

    private String checkSigned(byte[] b, int from) {
        byte sign = b[from];
        if (sign != '+' && sign != '-') {
            return "not a signed amount: sign byte must be '+' or '-'";
        }
        if (!allDigits(b, from + 1, len - 1)) {
            return "not a signed amount: digits expected after the sign";
        }
        if (sign == '-' && digits(b, from + 1, len - 1) == 0) {
            return "zero must carry the sign '+'";
        }
        return null;
    }

    private String describeCodes() {
        StringBuilder sb = new StringBuilder();
        for (String c : codes) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(c.isBlank() ? "spaces" : c);
        }
        return sb.toString();
    }

    private int codeIndex(byte[] b, int from) {
        outer:
        for (int i = 0; i < codes.length; i++) {
            String c = codes[i];
            for (int k = 0; k < len; k++) {
                if (b[from + k] != c.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static boolean allDigits(byte[] b, int from, int len) {
        for (int i = from; i < from + len; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean allSpaces(byte[] b, int from, int len) {
        for (int i = from; i < from + len; i++) {
            if (b[i] != SPACE) {
                return false;
            }
        }
        return true;
    }

    static long digits(byte[] b, int from, int len) {
        long v = 0;
        for (int i = from; i < from + len; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    static boolean isDate(byte[] b, int from) {
        if (!allDigits(b, from, 8)) {
            return false;
        }
        int y = (int) digits(b, from, 4);
        int m = (int) digits(b, from + 4, 2);
        int d = (int) digits(b, from + 6, 2);
        if (y < 1 || m < 1 || m > 12 || d < 1) {
            return false;
        }
        return d <= lengthOfMonth(y, m);
    }

    private static int lengthOfMonth(int y, int m) {
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
        return allDigits(b, from, 6) && digits(b, from, 2) <= 23 && digits(b, from + 2, 2) <= 59
                && digits(b, from + 4, 2) <= 59;
    }

    // ------------------------------------------------------------------ reading (values already checked)

    long number(byte[] b, int base) {
        return digits(b, base + offset, len);
    }

    long signed(byte[] b, int base) {
        int from = base + offset;
        long v = digits(b, from + 1, len - 1);
        return b[from] == '-' ? -v : v;
    }

    BigDecimal rate(byte[] b, int base) {
        return BigDecimal.valueOf(number(b, base), 3);
    }

    LocalDate date(byte[] b, int base) {
        int from = base + offset;
        if (allSpaces(b, from, 8)) {
            return null;
        }
        return LocalDate.of((int) digits(b, from, 4), (int) digits(b, from + 4, 2), (int) digits(b, from + 6, 2));
    }

    LocalTime time(byte[] b, int base) {
        int from = base + offset;
        return LocalTime.of((int) digits(b, from, 2), (int) digits(b, from + 2, 2), (int) digits(b, from + 4, 2));
    }

    LocalDateTime dateTime(byte[] b, int base) {
        int from = base + offset;
        return LocalDateTime.of((int) digits(b, from, 4), (int) digits(b, from + 4, 2), (int) digits(b, from + 6, 2),
                (int) digits(b, from + 8, 2), (int) digits(b, from + 10, 2), (int) digits(b, from + 12, 2));
    }

    /** Text without its trailing spaces; null when the field is all spaces. */
    String text(byte[] b, int base, Cp949Text text) {
        return text.decode(b, base + offset, len);
    }

    char ch(byte[] b, int base) {
        return (char) (b[base + offset] & 0xFF);
    }

    boolean sameBytes(byte[] b, int base, String ascii) {
        int from = base + offset;
        for (int k = 0; k < len; k++) {
            if (b[from + k] != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The field's bytes for an error message (CP949, undecodable bytes shown as \xNN). */
    String display(byte[] b, int base) {
        return Cp949Text.display(b, base + offset, len);
    }

    // ------------------------------------------------------------------ writing (buffer pre-filled with spaces)

    void putText(byte[] buf, String value, Cp949Text text) {
        text.encodeInto(this, value, buf, offset, len);
    }

    void putNumber(byte[] buf, long value) {
        if (value < 0 || value > maxMagnitude) {
            throw fail(Long.toString(value), "does not fit N(" + len + ") (0 to " + maxMagnitude + ")");
        }
        writeDigits(buf, offset, len, value);
    }

    void putSigned(byte[] buf, long value) {
        if (value == Long.MIN_VALUE || Math.abs(value) > maxMagnitude) {
            throw fail(Long.toString(value), "does not fit S(" + len + ") (at most " + maxMagnitude + " in magnitude)");
        }
        buf[offset] = value < 0 ? (byte) '-' : (byte) '+';
        writeDigits(buf, offset + 1, len - 1, Math.abs(value));
    }

    void putRate(byte[] buf, BigDecimal rate) {
        if (rate == null) {
            throw fail("null", "a rate is required");
        }
        BigDecimal thousandths = rate.movePointRight(3);
        long v;
        try {
            v = thousandths.longValueExact();
        } catch (ArithmeticException e) {
            throw fail(rate.toPlainString(), "has more than 3 decimals or is too large for R(5)");
        }
        if (v < 0 || v > 99_999) {
            throw fail(rate.toPlainString(), "out of range for R(5) (0.000 to 99.999)");
        }
        writeDigits(buf, offset, len, v);
    }

    void putDate(byte[] buf, LocalDate date) {
        if (date == null) {
            if (type == Type.OPTIONAL_DATE) {
                return;
            }
            throw fail("null", "a date is required");
        }
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw fail(date.toString(), "year outside 0001-9999");
        }
        writeDigits(buf, offset, 4, date.getYear());
        writeDigits(buf, offset + 4, 2, date.getMonthValue());
        writeDigits(buf, offset + 6, 2, date.getDayOfMonth());
    }

    void putTime(byte[] buf, LocalTime time) {
        if (time == null) {
            throw fail("null", "a time is required");
        }
        if (time.getNano() != 0) {
            throw fail(time.toString(), "has fractions of a second; HHMMSS holds whole seconds");
        }
        writeDigits(buf, offset, 2, time.getHour());
        writeDigits(buf, offset + 2, 2, time.getMinute());
        writeDigits(buf, offset + 4, 2, time.getSecond());
    }

    void putDateTime(byte[] buf, LocalDateTime at) {
        if (at == null) {
            throw fail("null", "a date-time is required");
        }
        if (at.getNano() != 0) {
            throw fail(at.toString(), "has fractions of a second; YYYYMMDDHHMMSS holds whole seconds");
        }
        if (at.getYear() < 1 || at.getYear() > 9999) {
            throw fail(at.toString(), "year outside 0001-9999");
        }
        writeDigits(buf, offset, 4, at.getYear());
        writeDigits(buf, offset + 4, 2, at.getMonthValue());
        writeDigits(buf, offset + 6, 2, at.getDayOfMonth());
        writeDigits(buf, offset + 8, 2, at.getHour());
        writeDigits(buf, offset + 10, 2, at.getMinute());
        writeDigits(buf, offset + 12, 2, at.getSecond());
    }

    void putCode(byte[] buf, String code) {
        String value = code == null ? " ".repeat(len) : code;
        if (!Arrays.asList(codes).contains(value)) {
            throw fail(code == null ? "null" : code, "not one of " + describeCodes());
        }
        for (int k = 0; k < len; k++) {
            buf[offset + k] = (byte) value.charAt(k);
        }
    }

    void putCode(byte[] buf, char code) {
        putCode(buf, String.valueOf(code));
    }

    private static void writeDigits(byte[] buf, int from, int len, long value) {
        long v = value;
        for (int i = from + len - 1; i >= from; i--) {
            buf[i] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
    }

    RecordFormatException fail(String value, String reason) {
        return new RecordFormatException(label, value, reason);
    }
}
