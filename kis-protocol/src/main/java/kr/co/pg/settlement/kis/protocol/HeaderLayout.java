package kr.co.pg.settlement.kis.protocol;

import java.util.regex.Pattern;

/** Header H of every file (kis-interface.md 3, "Header H"). */
final class HeaderLayout extends RecordLayout<FileHeader> {

    static final Pattern RECEIPT_NO = Pattern.compile("^[A-Z0-9]{20}$");

    static final Field RECORD_TYPE = Field.code("recordType", 1, 1, "H");
    static final Field FILE_CODE = Field.code("fileCode", 2, 2, "R1", "R2", "S1", "S2");
    static final Field PG_COMPANY_CODE = Field.a("pgCompanyCode", 4, 10);
    static final Field FILE_DATE = Field.date("fileDate", 14);
    static final Field FILE_SEQ = Field.n("fileSeq", 22, 6);
    static final Field CREATED_AT = Field.dateTime("createdAt", 28);
    static final Field RECEIPT = Field.a("receiptNo", 42, 20);

    private final FileType expected;

    HeaderLayout(FileType expected) {
        super(expected.recordLength(), RECORD_TYPE, FILE_CODE, PG_COMPANY_CODE, FILE_DATE, FILE_SEQ, CREATED_AT,
                RECEIPT);
        this.expected = expected;
    }

    private boolean isResult() {
        return expected == FileType.R2 || expected == FileType.S2;
    }

    @Override
    boolean validateRecord(byte[] b, int base, int line, ErrorSink sink) {
        boolean ok = true;
        if (!FILE_CODE.sameBytes(b, base, expected.name())) {
            sink.add(line, FILE_CODE.label(), FILE_CODE.display(b, base), "expected a " + expected + " file");
            ok = false;
        }
        if (!present(PG_COMPANY_CODE, b, base, line, sink, "PG company code")) {
            ok = false;
        }
        if (FILE_SEQ.number(b, base) == 0) {
            sink.add(line, FILE_SEQ.label(), FILE_SEQ.display(b, base), "file sequence starts at 000001");
            ok = false;
        }
        String receipt = RECEIPT.display(b, base);
        if (isResult() && !RECEIPT_NO.matcher(receipt).matches()) {
            sink.add(line, RECEIPT.label(), receipt, "a " + expected + " file carries the 20-character receipt "
                    + "number (A-Z 0-9) of the request file answered");
            ok = false;
        } else if (!isResult() && !receipt.isBlank()) {
            sink.add(line, RECEIPT.label(), receipt, "must be spaces in a " + expected + " file");
            ok = false;
        }
        return ok;
    }

    FileHeader parse(byte[] b, int base, Cp949Text text) {
        return new FileHeader(FileType.valueOf(FILE_CODE.text(b, base, text)), PG_COMPANY_CODE.text(b, base, text),
                FILE_DATE.date(b, base), (int) FILE_SEQ.number(b, base), CREATED_AT.dateTime(b, base),
                RECEIPT.text(b, base, text));
    }

    void format(FileHeader h, byte[] buf, Cp949Text text) {
        if (h == null) {
            throw new RecordFormatException("header", "file", "null", "a file header is required");
        }
        if (h.fileType() != expected) {
            throw FILE_CODE.fail(String.valueOf(h.fileType()), "this writer writes " + expected + " files");
        }
        RECORD_TYPE.putCode(buf, "H");
        FILE_CODE.putCode(buf, expected.name());
        PG_COMPANY_CODE.putRequiredText(buf, h.pgCompanyCode(), text, "PG company code");
        FILE_DATE.putDate(buf, h.fileDate());
        if (h.fileSeq() < 1) {
            throw FILE_SEQ.fail(Integer.toString(h.fileSeq()), "file sequence starts at 000001");
        }
        FILE_SEQ.putNumber(buf, h.fileSeq());
        CREATED_AT.putDateTime(buf, h.createdAt());
        String receipt = h.receiptNo();
        if (isResult()) {
            if (receipt == null || !RECEIPT_NO.matcher(receipt).matches()) {
                throw RECEIPT.fail(String.valueOf(receipt), "a " + expected
                        + " file needs the 20-character receipt number (A-Z 0-9) of the request file answered");
            }
            RECEIPT.putText(buf, receipt, text);
        } else if (receipt != null && !receipt.isBlank()) {
            throw RECEIPT.fail(receipt, "must be empty in a " + expected + " file");
        }
    }
}
