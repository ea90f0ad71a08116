package kr.co.pg.settlement.kis.protocol;

import java.util.List;

/**
 * Outcome of reading a file. {@code errors} lists every layout problem (capped, with a last "... N more"
 * entry); when it is empty the handler has received every data record. {@code header} is null when the header
 * was unreadable, {@code trailer} when the trailer was missing or unreadable. {@code recordCount} is the number
 * of data (D) lines found.
 */
public record ReadResult<R>(List<LayoutError> errors, FileHeader header, int recordCount, Trailer trailer) {

    public ReadResult {
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
