package kr.co.pg.settlement.kis.protocol;

/** Layout of a data (D) record: every one starts with the record type and a 7-digit sequence. */
abstract class DataLayout<R> extends RecordLayout<R> {

    static final Field RECORD_TYPE = Field.code("recordType", 1, 1, "D");
    static final Field SEQ = Field.n("seq", 2, 7);

    final FileType fileType;

    DataLayout(FileType fileType, Field... fields) {
        super(fileType.recordLength(), fields);
        this.fileType = fileType;
    }

    abstract R parse(byte[] b, int base, Cp949Text text);

    /** Writes the record into {@code buf}, pre-filled with spaces; throws RecordFormatException. */
    abstract void format(R record, byte[] buf, Cp949Text text);

    abstract int seq(R record);

    /** Adds a record that passed validation to the totals. */
    abstract void accumulate(byte[] b, int base, Totals totals);

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
