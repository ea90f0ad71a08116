package kr.co.pg.settlement.kis.protocol;

/**
 * Reading could not complete for a reason outside the file's layout: the file could not be read (cause
 * {@link java.io.IOException}), it changed between the validation pass and the record pass, or the record
 * handler threw a checked exception (the cause). Layout problems never throw: they are in
 * {@link ReadResult#errors()}.
 */
public class KisReadException extends RuntimeException {

    public KisReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
