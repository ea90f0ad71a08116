package kr.co.pg.settlement.kis.protocol;

/** S2 data record, 200 bytes (kis-interface.md 3, "S2 data record"). */
final class S2Layout extends DataLayout<S2Record> {

    static final String ACCEPTED = "0000";

    static final Field TRANSACTION_ID = Field.a("transactionId", 9, 20);
    static final Field APPROVAL_NO = Field.a("approvalNo", 29, 8);
    static final Field APPROVAL_DATE = Field.date("approvalDate", 37);
    static final Field RESULT_CODE = Field.a("resultCode", 45, 4);
    static final Field RESULT_MESSAGE = Field.a("resultMessage", 49, 60);
    static final Field PREFERENTIAL_RATE = Field.r("preferentialRate", 109);
    static final Field DIFFERENCE_AMOUNT = Field.s("differenceAmount", 114, 12);
    static final Field PAYOUT_DATE = Field.optionalDate("payoutDate", 126);

    static final S2Layout INSTANCE = new S2Layout();

    private S2Layout() {
        super(FileType.S2, S2Record::seq, RECORD_TYPE, SEQ, TRANSACTION_ID, APPROVAL_NO, APPROVAL_DATE, RESULT_CODE, RESULT_MESSAGE,
                PREFERENTIAL_RATE, DIFFERENCE_AMOUNT, PAYOUT_DATE);
    }

    @Override
    boolean validateRecord(byte[] b, int base, int line, ErrorSink sink) {
        return present(RESULT_CODE, b, base, line, sink, "result code");
    }

    @Override
    S2Record parse(byte[] b, int base, Cp949Text text) {
        return new S2Record((int) SEQ.number(b, base), TRANSACTION_ID.text(b, base, text),
                APPROVAL_NO.text(b, base, text), APPROVAL_DATE.date(b, base), RESULT_CODE.text(b, base, text),
                RESULT_MESSAGE.text(b, base, text), PREFERENTIAL_RATE.rate(b, base), DIFFERENCE_AMOUNT.signed(b, base),
                PAYOUT_DATE.date(b, base));
    }

    @Override
    void formatFields(S2Record r, byte[] buf, Cp949Text text) {
        TRANSACTION_ID.putText(buf, r.transactionId(), text);
        APPROVAL_NO.putText(buf, r.approvalNo(), text);
        APPROVAL_DATE.putDate(buf, r.approvalDate());
        RESULT_CODE.putRequiredText(buf, r.resultCode(), text, "result code");
        RESULT_MESSAGE.putText(buf, r.resultMessage(), text);
        PREFERENTIAL_RATE.putRate(buf, r.preferentialRate());
        DIFFERENCE_AMOUNT.putSigned(buf, r.differenceAmount());
        PAYOUT_DATE.putDate(buf, r.payoutDate());
    }

    @Override
    void addToControlTotals(byte[] b, int base, Totals totals) {
        totals.addResult(RESULT_CODE.sameBytes(b, base, ACCEPTED), DIFFERENCE_AMOUNT.signed(b, base));
    }
}
