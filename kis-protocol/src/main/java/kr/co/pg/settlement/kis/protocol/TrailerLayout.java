package kr.co.pg.settlement.kis.protocol;

/** Trailer T; its fields depend on the file type (kis-interface.md 3, "Trailer T"). */
final class TrailerLayout extends RecordLayout<Trailer> {

    static final Field RECORD_TYPE = Field.code("recordType", 1, 1, "T");
    static final Field RECORD_COUNT = Field.n("recordCount", 2, 7);
    static final Field R2_REGISTERED = Field.n("registeredCount", 9, 7);
    static final Field R2_REJECTED = Field.n("rejectedCount", 16, 7);
    static final Field S1_SUM_AMOUNTS = Field.s("sumOfAmounts", 9, 16);
    static final Field S1_SUM_FEES = Field.s("sumOfFeeAmounts", 25, 14);
    static final Field S2_ACCEPTED = Field.n("acceptedCount", 9, 7);
    static final Field S2_REJECTED = Field.n("rejectedCount", 16, 7);
    static final Field S2_SUM_DIFFERENCES = Field.s("sumOfDifferences", 23, 16);

    private final FileType type;

    TrailerLayout(FileType type) {
        super(type.recordLength(), fieldsOf(type));
        this.type = type;
    }

    private static Field[] fieldsOf(FileType type) {
        switch (type) {
            case R1:
                return new Field[] {RECORD_TYPE, RECORD_COUNT};
            case R2:
                return new Field[] {RECORD_TYPE, RECORD_COUNT, R2_REGISTERED, R2_REJECTED};
            case S1:
                return new Field[] {RECORD_TYPE, RECORD_COUNT, S1_SUM_AMOUNTS, S1_SUM_FEES};
            case S2:
                return new Field[] {RECORD_TYPE, RECORD_COUNT, S2_ACCEPTED, S2_REJECTED, S2_SUM_DIFFERENCES};
            default:
                throw new AssertionError(type);
        }
    }

    Trailer parse(byte[] b, int base) {
        int count = (int) RECORD_COUNT.number(b, base);
        switch (type) {
            case R1:
                return new Trailer(count, null, null, null, null, null);
            case R2:
                return new Trailer(count, null, null, (int) R2_REGISTERED.number(b, base),
                        (int) R2_REJECTED.number(b, base), null);
            case S1:
                return new Trailer(count, S1_SUM_AMOUNTS.signed(b, base), S1_SUM_FEES.signed(b, base), null, null,
                        null);
            case S2:
                return new Trailer(count, null, null, (int) S2_ACCEPTED.number(b, base),
                        (int) S2_REJECTED.number(b, base), S2_SUM_DIFFERENCES.signed(b, base));
            default:
                throw new AssertionError(type);
        }
    }

    /** Writes the trailer for {@code totals}; throws RecordFormatException when a total does not fit. */
    void format(Totals totals, byte[] buf) {
        RECORD_TYPE.putCode(buf, "T");
        checkFits(totals);
        RECORD_COUNT.putNumber(buf, totals.count);
        switch (type) {
            case R2:
                R2_REGISTERED.putNumber(buf, totals.accepted);
                R2_REJECTED.putNumber(buf, totals.rejected);
                break;
            case S1:
                S1_SUM_AMOUNTS.putSigned(buf, totals.sumOfAmounts);
                S1_SUM_FEES.putSigned(buf, totals.sumOfFeeAmounts);
                break;
            case S2:
                S2_ACCEPTED.putNumber(buf, totals.accepted);
                S2_REJECTED.putNumber(buf, totals.rejected);
                S2_SUM_DIFFERENCES.putSigned(buf, totals.sumOfDifferences);
                break;
            default:
                break;
        }
    }

    /** Throws RecordFormatException naming the trailer field a total no longer fits. */
    void checkFits(Totals t) {
        if (t.overflow) {
            throw new RecordFormatException("trailer", "sums", "overflow", "a control total exceeds its trailer field");
        }
        fits(RECORD_COUNT, t.count, false);
        switch (type) {
            case R2:
                fits(R2_REGISTERED, t.accepted, false);
                fits(R2_REJECTED, t.rejected, false);
                break;
            case S1:
                fits(S1_SUM_AMOUNTS, t.sumOfAmounts, true);
                fits(S1_SUM_FEES, t.sumOfFeeAmounts, true);
                break;
            case S2:
                fits(S2_ACCEPTED, t.accepted, false);
                fits(S2_REJECTED, t.rejected, false);
                fits(S2_SUM_DIFFERENCES, t.sumOfDifferences, true);
                break;
            default:
                break;
        }
    }

    private static void fits(Field f, long value, boolean signed) {
        if ((signed ? Math.abs(value) : value) > f.maxMagnitude()) {
            throw new RecordFormatException("trailer", f.label(), Long.toString(value),
                    "the trailer total does not fit " + (signed ? "S(" : "N(") + f.len + ")");
        }
    }

    /** Compares what the trailer declares with what the data records hold. */
    void compare(byte[] b, int base, Totals computed, boolean sumsKnown, int line, ErrorSink sink) {
        check(RECORD_COUNT, b, base, computed.count, false, line, sink, "data records");
        switch (type) {
            case R2:
                if (sumsKnown) {
                    check(R2_REGISTERED, b, base, computed.accepted, false, line, sink, "records with result 0000");
                    check(R2_REJECTED, b, base, computed.rejected, false, line, sink, "records with another result");
                }
                break;
            case S1:
                if (sumsKnown) {
                    check(S1_SUM_AMOUNTS, b, base, computed.sumOfAmounts, true, line, sink, "the sum of amounts");
                    check(S1_SUM_FEES, b, base, computed.sumOfFeeAmounts, true, line, sink, "the sum of fee amounts");
                }
                break;
            case S2:
                if (sumsKnown) {
                    check(S2_ACCEPTED, b, base, computed.accepted, false, line, sink, "records with result 0000");
                    check(S2_REJECTED, b, base, computed.rejected, false, line, sink, "records with another result");
                    check(S2_SUM_DIFFERENCES, b, base, computed.sumOfDifferences, true, line, sink,
                            "the sum of difference amounts of accepted records");
                }
                break;
            default:
                break;
        }
    }

    private static void check(Field f, byte[] b, int base, long computed, boolean signed, int line, ErrorSink sink,
                              String what) {
        long declared = signed ? f.signed(b, base) : f.number(b, base);
        if (declared != computed) {
            sink.add(line, f.label(), f.display(b, base),
                    "trailer declares " + declared + " but the file has " + computed + " (" + what + ")");
        }
    }
}
