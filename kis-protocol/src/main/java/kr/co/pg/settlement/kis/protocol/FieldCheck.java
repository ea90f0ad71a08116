package kr.co.pg.settlement.kis.protocol;

/**
 * The reader's first pass over one field: are its bytes a valid value of its type? Answers with the reason an
 * operator reads in the error list, or null; never throws, so a broken file yields every error at once.
 */
final class FieldCheck {

    private FieldCheck() {
    }

    /** Null when the bytes are a valid value of the field, else the reason. */
    static String reason(Field f, byte[] b, int base, Cp949Text text) {
        int from = base + f.offset;
        int len = f.len;
        switch (f.type) {
            case A:
                return text.check(b, from, len);
            case N:
            case R:
                return AsciiBytes.allDigits(b, from, len) ? null : "not digits (N(" + len + "))";
            case S:
                return signedReason(b, from, len);
            case DATE:
                return CalendarBytes.isDate(b, from) ? null : "not a calendar date YYYYMMDD";
            case OPTIONAL_DATE:
                return CalendarBytes.isDate(b, from) || AsciiBytes.allSpaces(b, from, len) ? null
                        : "not a calendar date YYYYMMDD nor 8 spaces";
            case TIME:
                return CalendarBytes.isTime(b, from) ? null : "not a time HHMMSS";
            case DATE_TIME:
                return CalendarBytes.isDate(b, from) && CalendarBytes.isTime(b, from + CalendarBytes.DATE_LENGTH)
                        ? null : "not a date-time YYYYMMDDHHMMSS";
            case CODE:
                return f.holdsCode(b, base) ? null : "not one of " + f.describeCodes();
            default:
                throw new AssertionError(f.type);
        }
    }

    private static String signedReason(byte[] b, int from, int len) {
        byte sign = b[from];
        if (sign != '+' && sign != '-') {
            return "not a signed amount: sign byte must be '+' or '-'";
        }
        if (!AsciiBytes.allDigits(b, from + 1, len - 1)) {
            return "not a signed amount: digits expected after the sign";
        }
        if (sign == '-' && AsciiBytes.digits(b, from + 1, len - 1) == 0) {
            return "zero must carry the sign '+'";
        }
        return null;
    }
}
