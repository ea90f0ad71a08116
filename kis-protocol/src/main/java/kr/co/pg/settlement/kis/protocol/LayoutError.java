package kr.co.pg.settlement.kis.protocol;

/**
 * One problem a reader found in a file. {@code line} counts from 1; {@code field} names the field with its byte
 * positions, e.g. {@code amount (pos 132-145)}, or {@code record} / {@code line end} / {@code file} for problems
 * of a whole line; {@code value} is the offending bytes as text (undecodable bytes as \xNN; card numbers
 * redacted).
 */
public record LayoutError(int line, String field, String value, String reason) {

    /** The field name without its positions ({@code amount} for {@code amount (pos 132-145)}). */
    public String fieldName() {
        int p = field == null ? -1 : field.indexOf(" (pos ");
        return p < 0 ? field : field.substring(0, p);
    }

    @Override
    public String toString() {
        return "line " + line + ", field " + field + ": value '" + value + "': " + reason;
    }
}
