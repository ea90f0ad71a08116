package kr.co.pg.settlement.kis.protocol;

/** R1 data record, 300 bytes (kis-interface.md 3, "R1 data record"). */
final class R1Layout extends DataLayout<R1Record> {

    static final Field REQUEST_TYPE = Field.code("requestType", 9, 1, "N", "U", "C");
    static final Field SUB_MERCHANT_ID = Field.a("subMerchantId", 10, 20);
    static final Field BUSINESS_NO = Field.n("businessNo", 30, 10);
    static final Field BUSINESS_NAME = Field.a("businessName", 40, 50);
    static final Field REPRESENTATIVE_NAME = Field.a("representativeName", 90, 20);
    static final Field OPENED_ON = Field.date("openedOn", 110);
    static final Field CLOSED_ON = Field.optionalDate("closedOn", 118);
    static final Field INDUSTRY_CODE = Field.a("industryCode", 126, 5);
    static final Field PHONE = Field.a("phone", 131, 12);
    static final Field POSTAL_CODE = Field.a("postalCode", 143, 5);
    static final Field ADDRESS = Field.a("address", 148, 100);

    static final R1Layout INSTANCE = new R1Layout();

    private R1Layout() {
        super(FileType.R1, R1Record::seq, RECORD_TYPE, SEQ, REQUEST_TYPE, SUB_MERCHANT_ID, BUSINESS_NO, BUSINESS_NAME,
                REPRESENTATIVE_NAME, OPENED_ON, CLOSED_ON, INDUSTRY_CODE, PHONE, POSTAL_CODE, ADDRESS);
    }

    @Override
    boolean validateRecord(byte[] b, int base, int line, ErrorSink sink) {
        int from = base + PHONE.offset;
        int i = from;
        while (i < from + PHONE.len && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        if (!AsciiBytes.allSpaces(b, i, from + PHONE.len - i)) {
            sink.add(line, PHONE.label(), PHONE.display(b, base), "phone must be digits only, left-aligned");
            return false;
        }
        return true;
    }

    @Override
    R1Record parse(byte[] b, int base, Cp949Text text) {
        return new R1Record((int) SEQ.number(b, base), REQUEST_TYPE.ch(b, base), SUB_MERCHANT_ID.text(b, base, text),
                digitString(BUSINESS_NO, b, base), BUSINESS_NAME.text(b, base, text),
                REPRESENTATIVE_NAME.text(b, base, text), OPENED_ON.date(b, base), CLOSED_ON.date(b, base),
                INDUSTRY_CODE.text(b, base, text), PHONE.text(b, base, text), POSTAL_CODE.text(b, base, text),
                ADDRESS.text(b, base, text));
    }

    @Override
    void formatFields(R1Record r, byte[] buf, Cp949Text text) {
        REQUEST_TYPE.putCode(buf, r.requestType());
        SUB_MERCHANT_ID.putText(buf, r.subMerchantId(), text);
        putDigitString(BUSINESS_NO, buf, r.businessNo());
        BUSINESS_NAME.putText(buf, r.businessName(), text);
        REPRESENTATIVE_NAME.putText(buf, r.representativeName(), text);
        OPENED_ON.putDate(buf, r.openedOn());
        CLOSED_ON.putDate(buf, r.closedOn());
        INDUSTRY_CODE.putText(buf, r.industryCode(), text);
        String phone = r.phone();
        if (phone != null && !phone.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw PHONE.fail(phone, "phone must be digits only");
        }
        PHONE.putText(buf, phone, text);
        POSTAL_CODE.putText(buf, r.postalCode(), text);
        ADDRESS.putText(buf, r.address(), text);
    }
}
