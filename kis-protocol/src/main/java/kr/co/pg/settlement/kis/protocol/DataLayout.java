package kr.co.pg.settlement.kis.protocol;

import java.util.function.ToIntFunction;

/** Layout of a data (D) record: every one starts with the record type and a 7-digit sequence. */
abstract class DataLayout<R> extends RecordLayout<R> {

    static final Field RECORD_TYPE = Field.code("recordType", 1, 1, "D");
    static final Field SEQ = Field.n("seq", 2, 7);

    final FileType fileType;
    private final ToIntFunction<R> seqOf;

    DataLayout(FileType fileType, ToIntFunction<R> seqOf, Field... fields) {
        super(fileType.recordLength(), fields);
        this.fileType = fileType;
        this.seqOf = seqOf;
    }

    abstract R parse(byte[] b, int base, Cp949Text text);

    final int seq(R record) {
        return seqOf.applyAsInt(record);
    }

    /** Writes the record into {@code buf}, pre-filled with spaces; throws RecordFormatException. */
    final void format(R record, byte[] buf, Cp949Text text) {
        buf[RECORD_TYPE.offset] = 'D';
        SEQ.putNumber(buf, seq(record));
        formatFields(record, buf, text);
    }

    /** Writes the fields after the record type and sequence. */
    abstract void formatFields(R record, byte[] buf, Cp949Text text);

    /** Adds a record that passed validation to the totals. */
    final void accumulate(byte[] b, int base, Totals totals) {
        totals.count++;
        addToControlTotals(b, base, totals);
    }

    /** What the record adds to the trailer's totals besides the count (R1: nothing). */
    void addToControlTotals(byte[] b, int base, Totals totals) {
    }

    static DataLayout<?> of(FileType type) {
        switch (type) {
            case R1:
                return R1Layout.INSTANCE;
            case R2:
                return R2Layout.INSTANCE;
            case S1:
                return S1Layout.INSTANCE;
            case S2:
                return S2Layout.INSTANCE;
            default:
                throw new AssertionError(type);
        }
    }
}
