package kr.co.pg.settlement.kis.protocol;

/** R2 data record, 300 bytes (kis-interface.md 3, "R2 data record"). */
final class R2Layout extends DataLayout<R2Record> {

    static final String REGISTERED = "0000";

    static final Field REQUEST_TYPE = Field.code("requestType", 9, 1, "N", "U", "C");
    static final Field SUB_MERCHANT_ID = Field.a("subMerchantId", 10, 20);
    static final Field BUSINESS_NO = Field.n("businessNo", 30, 10);
    static final Field RESULT_CODE = Field.a("resultCode", 40, 4);
    static final Field RESULT_MESSAGE = Field.a("resultMessage", 44, 60);
    static final Field FEE_TIER = Field.code("feeTier", 104, 2, "  ", "01", "02", "03", "04", "05");
    static final Field TIER_VALID_FROM = Field.optionalDate("tierValidFrom", 106);
    static final Field TIER_VALID_TO = Field.optionalDate("tierValidTo", 114);
    static final Field KIS_SUB_MERCHANT_NO = Field.a("kisSubMerchantNo", 122, 15);

    static final R2Layout INSTANCE = new R2Layout();

    private R2Layout() {
        super(FileType.R2, R2Record::seq, RECORD_TYPE, SEQ, REQUEST_TYPE, SUB_MERCHANT_ID, BUSINESS_NO, RESULT_CODE, RESULT_MESSAGE,
                FEE_TIER, TIER_VALID_FROM, TIER_VALID_TO, KIS_SUB_MERCHANT_NO);
    }

    @Override
    boolean validateRecord(byte[] b, int base, int line, ErrorSink sink) {
        boolean ok = true;
        if (!present(RESULT_CODE, b, base, line, sink, "result code")) {
            ok = false;
        } else if (!RESULT_CODE.sameBytes(b, base, REGISTERED) && !FEE_TIER.sameBytes(b, base, "  ")) {
            sink.add(line, FEE_TIER.label(), FEE_TIER.display(b, base),
                    "fee tier must be spaces unless the result code is 0000 (result code is "
                            + RESULT_CODE.display(b, base) + ")");
            ok = false;
        }
        return ok;
    }

    @Override
    R2Record parse(byte[] b, int base, Cp949Text text) {
        return new R2Record((int) SEQ.number(b, base), REQUEST_TYPE.ch(b, base), SUB_MERCHANT_ID.text(b, base, text),
                digitString(BUSINESS_NO, b, base), RESULT_CODE.text(b, base, text),
                RESULT_MESSAGE.text(b, base, text), FEE_TIER.text(b, base, text), TIER_VALID_FROM.date(b, base),
                TIER_VALID_TO.date(b, base), KIS_SUB_MERCHANT_NO.text(b, base, text));
    }

    @Override
    void formatFields(R2Record r, byte[] buf, Cp949Text text) {
        REQUEST_TYPE.putCode(buf, r.requestType());
        SUB_MERCHANT_ID.putText(buf, r.subMerchantId(), text);
        putDigitString(BUSINESS_NO, buf, r.businessNo());
        RESULT_CODE.putRequiredText(buf, r.resultCode(), text, "result code");
        RESULT_MESSAGE.putText(buf, r.resultMessage(), text);
        String tier = r.feeTier() == null || r.feeTier().isBlank() ? null : r.feeTier();
        if (tier != null && !REGISTERED.equals(r.resultCode())) {
            throw FEE_TIER.fail(tier, "fee tier must be empty unless the result code is 0000");
        }
        FEE_TIER.putCode(buf, tier);
        TIER_VALID_FROM.putDate(buf, r.tierValidFrom());
        TIER_VALID_TO.putDate(buf, r.tierValidTo());
        KIS_SUB_MERCHANT_NO.putText(buf, r.kisSubMerchantNo(), text);
    }

    @Override
    void addToControlTotals(byte[] b, int base, Totals totals) {
        totals.addResult(RESULT_CODE.sameBytes(b, base, REGISTERED), 0);
    }
}
