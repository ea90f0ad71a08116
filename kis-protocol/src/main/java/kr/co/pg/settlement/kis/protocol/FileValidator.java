package kr.co.pg.settlement.kis.protocol;

/**
 * Pass 1 of the reader: checks a file line by line (record length, CR LF, record order, every field, sequences,
 * trailer totals) and collects every error. Holds only counters and the current line.
 */
final class FileValidator {

    private final FileType type;
    private final ErrorSink sink;
    private final DataLayout<?> dataLayout;
    private final HeaderLayout headerLayout;
    private final TrailerLayout trailerLayout;
    private final Cp949Text text = new Cp949Text();
    private final Totals totals = new Totals();

    private int line;
    private FileHeader header;
    private boolean trailerSeen;
    private Trailer trailer;
    private int dataCount;
    private boolean allDataValid = true;
    private long previousSeq;
    private int linesAfterTrailer;

    FileValidator(FileType type, ErrorSink sink) {
        this.type = type;
        this.sink = sink;
        this.dataLayout = DataLayout.of(type);
        this.headerLayout = new HeaderLayout(type);
        this.trailerLayout = new TrailerLayout(type);
    }

    void onLine(LineScanner s) {
        line++;
        if (trailerSeen) {
            if (++linesAfterTrailer == 1) {
                sink.add(line, "record", prefix(s), "nothing may follow the trailer T (line " + (line - 1) + ")");
            }
            return;
        }
        if (!s.endsWithLf) {
            sink.add(line, "line end", "", "missing CR LF at the end of the record (the file ends without it)");
        } else if (!s.endsWithCr) {
            sink.add(line, "line end", "\\n", "bare LF: every record ends with CR LF");
        }
        boolean lengthOk = s.trueLength == type.recordLength();
        if (!lengthOk) {
            sink.add(line, "record", prefix(s), "record length is " + s.trueLength + " bytes, expected "
                    + type.recordLength() + " (without CR LF) for " + type);
        }
        byte recordType = s.length > 0 ? s.bytes[s.offset] : 0;
        if (line == 1 && recordType != 'H') {
            sink.add(1, "recordType (pos 1-1)", typeDisplay(s), "the first record must be the header H");
        }
        switch (recordType) {
            case 'H':
                onHeader(s, lengthOk);
                break;
            case 'D':
                onData(s, lengthOk);
                break;
            case 'T':
                onTrailer(s, lengthOk);
                break;
            default:
                if (line != 1) {
                    sink.add(line, "recordType (pos 1-1)", typeDisplay(s), "unknown record type: expected H, D or T");
                    // most likely a damaged data record: keep the sequence check of the next one meaningful
                    previousSeq++;
                }
                allDataValid = false;
        }
    }

    private void onHeader(LineScanner s, boolean lengthOk) {
        if (line != 1) {
            sink.add(line, "recordType (pos 1-1)", "H", "a file has exactly one header H, at line 1");
            return;
        }
        if (lengthOk && headerLayout.validate(s.bytes, s.offset, line, sink, text)) {
            header = headerLayout.parse(s.bytes, s.offset, text);
        }
    }

    private void onData(LineScanner s, boolean lengthOk) {
        dataCount++;
        if (!lengthOk) {
            allDataValid = false;
            previousSeq++;
            return;
        }
        boolean ok = dataLayout.validate(s.bytes, s.offset, line, sink, text);
        int seqFrom = s.offset + DataLayout.SEQ.offset;
        if (AsciiBytes.allDigits(s.bytes, seqFrom, DataLayout.SEQ.len)) {
            long seq = DataLayout.SEQ.number(s.bytes, s.offset);
            if (seq != previousSeq + 1) {
                sink.add(line, DataLayout.SEQ.label(), DataLayout.SEQ.display(s.bytes, s.offset), "sequence " + seq
                        + " does not follow " + previousSeq + ": sequences run from 0000001 without gaps, expected "
                        + (previousSeq + 1));
            }
            previousSeq = seq;
        } else {
            previousSeq++;
        }
        if (ok) {
            dataLayout.accumulate(s.bytes, s.offset, totals);
        } else {
            allDataValid = false;
        }
    }

    private void onTrailer(LineScanner s, boolean lengthOk) {
        trailerSeen = true;
        if (!lengthOk || !trailerLayout.validate(s.bytes, s.offset, line, sink, text)) {
            return;
        }
        trailer = trailerLayout.parse(s.bytes, s.offset);
        totals.count = dataCount;
        if (totals.overflow) {
            sink.add(line, "file", "", "the data records' control totals exceed any trailer field");
        }
        trailerLayout.compare(s.bytes, s.offset, totals, allDataValid && !totals.overflow, line, sink);
    }

    void finish() {
        if (line == 0) {
            sink.add(1, "file", "", "the file is empty: expected header H, data records, trailer T");
        } else if (!trailerSeen) {
            sink.add(line, "file", "", "the file ends without trailer T");
        }
    }

    FileHeader header() {
        return header;
    }

    Trailer trailer() {
        return trailer;
    }

    int dataCount() {
        return dataCount;
    }

    private static String typeDisplay(LineScanner s) {
        return s.length > 0 ? Cp949Text.display(s.bytes, s.offset, 1) : "";
    }

    private static String prefix(LineScanner s) {
        int n = Math.min(s.length, 40);
        String shown = Cp949Text.display(s.bytes, s.offset, n);
        return s.trueLength > n ? shown + "..." : shown;
    }
}
