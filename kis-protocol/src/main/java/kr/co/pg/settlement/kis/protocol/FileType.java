package kr.co.pg.settlement.kis.protocol;

/** The four KIS files (kis-interface.md section 3) and their fixed record lengths in bytes, CR LF excluded. */
public enum FileType {
    R1(300), R2(300), S1(200), S2(200);

    private final int recordLength;

    FileType(int recordLength) {
        this.recordLength = recordLength;
    }

    public int recordLength() {
        return recordLength;
    }
}
