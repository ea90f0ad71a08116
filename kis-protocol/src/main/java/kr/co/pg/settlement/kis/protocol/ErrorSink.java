package kr.co.pg.settlement.kis.protocol;

import java.util.ArrayList;
import java.util.List;

/** Collects layout errors up to a cap, then only counts them (a broken 1M-line file must not exhaust memory). */
final class ErrorSink {

    static final int DEFAULT_CAP = 1000;

    private final int cap;
    private final List<LayoutError> errors = new ArrayList<>();
    private int omitted;
    private int firstOmittedLine;

    ErrorSink(int cap) {
        this.cap = cap;
    }

    void add(int line, String field, String value, String reason) {
        if (errors.size() < cap) {
            errors.add(new LayoutError(line, field, value, reason));
        } else {
            if (omitted == 0) {
                firstOmittedLine = line;
            }
            omitted++;
        }
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<LayoutError> result() {
        if (omitted == 0) {
            return errors;
        }
        List<LayoutError> all = new ArrayList<>(errors);
        all.add(new LayoutError(firstOmittedLine, "file", omitted + " more",
                "... " + omitted + " more errors not listed (from line " + firstOmittedLine + " on)"));
        return all;
    }
}
