package kr.co.pg.settlement.kis.protocol;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * One row of a layout table of kis-interface.md section 3: name, position (from 1), length in bytes and type.
 * Reads and writes its bytes without building intermediate Strings for numbers; {@link FieldCheck} checks them,
 * {@link AsciiBytes} and {@link CalendarBytes} hold the byte-level rules of digits, dates and times.
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

    // ------------------------------------------------------------------ checking (reader, pass 1: FieldCheck)

    String describeCodes() {
        StringBuilder sb = new StringBuilder();
        for (String c : codes) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(c.isBlank() ? "spaces" : c);
        }
        return sb.toString();
    }

    /** True when the bytes are one of the field's codes. */
    boolean holdsCode(byte[] b, int base) {
        for (String c : codes) {
            if (sameBytes(b, base, c)) {
                return true;
            }
        }
        return false;
    }

    /** All spaces: a required A field was left empty. */
    boolean isBlank(byte[] b, int base) {
        return AsciiBytes.allSpaces(b, base + offset, len);
    }

    // ------------------------------------------------------------------ reading (values already checked)

    long number(byte[] b, int base) {
        return AsciiBytes.digits(b, base + offset, len);
    }

    long signed(byte[] b, int base) {
        int from = base + offset;
        long v = AsciiBytes.digits(b, from + 1, len - 1);
        return b[from] == '-' ? -v : v;
    }

    BigDecimal rate(byte[] b, int base) {
        return BigDecimal.valueOf(number(b, base), 3);
    }

    /** Null for an optional date left as spaces. */
    LocalDate date(byte[] b, int base) {
        return isBlank(b, base) ? null : CalendarBytes.readDate(b, base + offset);
    }

    LocalTime time(byte[] b, int base) {
        return CalendarBytes.readTime(b, base + offset);
    }

    LocalDateTime dateTime(byte[] b, int base) {
        int from = base + offset;
        return LocalDateTime.of(CalendarBytes.readDate(b, from),
                CalendarBytes.readTime(b, from + CalendarBytes.DATE_LENGTH));
    }

    /** Text without its trailing spaces; null when the field is all spaces. */
    String text(byte[] b, int base, Cp949Text text) {
        return text.decode(b, base + offset, len);
    }

    char ch(byte[] b, int base) {
        return (char) (b[base + offset] & 0xFF);
    }

    boolean sameBytes(byte[] b, int base, String ascii) {
        return AsciiBytes.same(b, base + offset, ascii);
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
        AsciiBytes.writeDigits(buf, offset, len, value);
    }

    void putSigned(byte[] buf, long value) {
        if (value == Long.MIN_VALUE || Math.abs(value) > maxMagnitude) {
            throw fail(Long.toString(value), "does not fit S(" + len + ") (at most " + maxMagnitude + " in magnitude)");
        }
        buf[offset] = value < 0 ? (byte) '-' : (byte) '+';
        AsciiBytes.writeDigits(buf, offset + 1, len - 1, Math.abs(value));
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
        AsciiBytes.writeDigits(buf, offset, len, v);
    }

    void putDate(byte[] buf, LocalDate date) {
        if (date == null) {
            if (type == Type.OPTIONAL_DATE) {
                return;
            }
            throw fail("null", "a date is required");
        }
        requireFourDigitYear(date.getYear(), date);
        CalendarBytes.writeDate(buf, offset, date);
    }

    void putTime(byte[] buf, LocalTime time) {
        requireWholeSeconds(time, time == null ? 0 : time.getNano(), "a time", "HHMMSS");
        CalendarBytes.writeTime(buf, offset, time);
    }

    void putDateTime(byte[] buf, LocalDateTime at) {
        requireWholeSeconds(at, at == null ? 0 : at.getNano(), "a date-time", "YYYYMMDDHHMMSS");
        requireFourDigitYear(at.getYear(), at);
        CalendarBytes.writeDate(buf, offset, at.toLocalDate());
        CalendarBytes.writeTime(buf, offset + CalendarBytes.DATE_LENGTH, at.toLocalTime());
    }

    /** A null value is refused too: times are never optional. */
    private void requireWholeSeconds(Object value, int nanos, String what, String pattern) {
        if (value == null) {
            throw fail("null", what + " is required");
        }
        if (nanos != 0) {
            throw fail(value.toString(), "has fractions of a second; " + pattern + " holds whole seconds");
        }
    }

    private void requireFourDigitYear(int year, Object value) {
        if (year < 1 || year > 9999) {
            throw fail(value.toString(), "year outside 0001-9999");
        }
    }

    /** For A fields that must not be left empty; {@code what} names the value in the message. */
    void putRequiredText(byte[] buf, String value, Cp949Text text, String what) {
        if (value == null || value.isBlank()) {
            throw fail(String.valueOf(value), what + " is required");
        }
        putText(buf, value, text);
    }

    void putCode(byte[] buf, String code) {
        String value = code == null ? " ".repeat(len) : code;
        if (!List.of(codes).contains(value)) {
            throw fail(code == null ? "null" : code, "not one of " + describeCodes());
        }
        for (int k = 0; k < len; k++) {
            buf[offset + k] = (byte) value.charAt(k);
        }
    }

    void putCode(byte[] buf, char code) {
        putCode(buf, String.valueOf(code));
    }

    RecordFormatException fail(String value, String reason) {
        return new RecordFormatException(label, value, reason);
    }
}
