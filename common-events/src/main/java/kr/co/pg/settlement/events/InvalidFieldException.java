package kr.co.pg.settlement.events;

/**
 * An event with one field that can never be processed: which field, its value (cut for display) and why. The
 * services' dead-letter publishers copy the three into headers, so an operator sees them without reading the value.
 */
public class InvalidFieldException extends InvalidEventException {

    /** Values longer than this are cut in messages and headers (a 10 KB id must not flood a log line). */
    public static final int DISPLAY_LENGTH = 80;

    private final String field;
    private final String value;
    private final String reason;

    /**
     * @param event  what was being read, e.g. "kick-off 0b6f..." or "FileSubmitted"
     * @param field  the JSON field at fault
     * @param value  its raw value (null when missing); cut to {@link #DISPLAY_LENGTH} characters here
     * @param reason what is wrong with it
     */
    public InvalidFieldException(String event, String field, String value, String reason) {
        super(event + ": field " + field + ": " + (value == null ? "missing" : "value '" + display(value) + "'")
                + ": " + reason);
        this.field = field;
        this.value = value == null ? null : display(value);
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    /** The value cut for display (null when the field was missing). */
    public String value() {
        return value;
    }

    public String reason() {
        return reason;
    }

    /** At most {@link #DISPLAY_LENGTH} characters, control characters replaced, with the full length when cut. */
    public static String display(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), DISPLAY_LENGTH) + 24);
        int end = Math.min(value.length(), DISPLAY_LENGTH);
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (value.length() > DISPLAY_LENGTH) {
            out.append("... (").append(value.length()).append(" chars)");
        }
        return out.toString();
    }
}
