package kr.co.pg.settlement.kis.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * A record layout: the field table of one record of kis-interface.md section 3, plus parse (bytes to record),
 * format (record to bytes) and validate (bytes to errors). Bytes no field lists are filler and must be spaces.
 */
abstract class RecordLayout<R> {

    final int recordLength;
    final List<Field> fields;
    private final int[][] fillers;

    RecordLayout(int recordLength, Field... fields) {
        this.recordLength = recordLength;
        this.fields = List.of(fields);
        boolean[] covered = new boolean[recordLength];
        for (Field f : fields) {
            for (int i = f.offset; i < f.offset + f.len; i++) {
                if (covered[i]) {
                    throw new IllegalStateException("overlapping field " + f.label());
                }
                covered[i] = true;
            }
        }
        List<int[]> gaps = new ArrayList<>();
        for (int i = 0; i < recordLength; i++) {
            if (!covered[i]) {
                int start = i;
                while (i < recordLength && !covered[i]) {
                    i++;
                }
                gaps.add(new int[] {start, i - start});
            }
        }
        this.fillers = gaps.toArray(new int[0][]);
    }

    /** Checks every field and filler of the record at {@code base}; true when no error was added. */
    final boolean validate(byte[] b, int base, int line, ErrorSink sink, Cp949Text text) {
        boolean ok = true;
        for (Field f : fields) {
            String reason = FieldCheck.reason(f, b, base, text);
            if (reason != null) {
                sink.add(line, f.label(), display(f, b, base), reason);
                ok = false;
            }
        }
        for (int[] gap : fillers) {
            if (!AsciiBytes.allSpaces(b, base + gap[0], gap[1])) {
                sink.add(line, "filler (pos " + (gap[0] + 1) + "-" + (gap[0] + gap[1]) + ")",
                        Cp949Text.display(b, base + gap[0], gap[1]), "filler must be spaces");
                ok = false;
            }
        }
        return ok && validateRecord(b, base, line, sink);
    }

    /** Rules across fields, run once every field is valid on its own. */
    boolean validateRecord(byte[] b, int base, int line, ErrorSink sink) {
        return true;
    }

    /** False, with the error {@code what is missing}, when a required A field is all spaces. */
    final boolean present(Field f, byte[] b, int base, int line, ErrorSink sink, String what) {
        if (f.isBlank(b, base)) {
            sink.add(line, f.label(), display(f, b, base), what + " is missing");
            return false;
        }
        return true;
    }

    /** The field's value for an error message; layouts redact what must never be shown. */
    String display(Field f, byte[] b, int base) {
        return f.display(b, base);
    }

    static String requireDigits(Field f, String value) {
        if (value == null || value.length() != f.len) {
            throw f.fail(String.valueOf(value), "must be exactly " + f.len + " digits");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw f.fail(value, "must be exactly " + f.len + " digits");
            }
        }
        return value;
    }

    static void putDigitString(Field f, byte[] buf, String value) {
        requireDigits(f, value);
        for (int i = 0; i < f.len; i++) {
            buf[f.offset + i] = (byte) value.charAt(i);
        }
    }

    static String digitString(Field f, byte[] b, int base) {
        return new String(b, base + f.offset, f.len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
