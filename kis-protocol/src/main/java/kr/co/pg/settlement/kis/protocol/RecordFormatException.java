package kr.co.pg.settlement.kis.protocol;

/**
 * A writer was given a value its field cannot hold (amount too large, unmasked card number, code outside its
 * set, sequence out of order, ...). Nothing of the offending record was written; the writer stays usable.
 */
public class RecordFormatException extends RuntimeException {

    private final String record;
    private final String field;
    private final String value;
    private final String reason;

    public RecordFormatException(String field, String value, String reason) {
        this(null, field, value, reason);
    }

    public RecordFormatException(String record, String field, String value, String reason) {
        super((record == null ? "" : record + ", ") + "field " + field + ": value '" + value + "': " + reason);
        this.record = record;
        this.field = field;
        this.value = value;
        this.reason = reason;
    }

    /** Which record: {@code header}, {@code record 12} (sequence), {@code trailer}; null if not known. */
    public String record() {
        return record;
    }

    /** Field name with byte positions, e.g. {@code amount (pos 132-145)}. */
    public String field() {
        return field;
    }

    public String value() {
        return value;
    }

    public String reason() {
        return reason;
    }

    RecordFormatException in(String where) {
        return new RecordFormatException(where, field, value, reason);
    }
}
