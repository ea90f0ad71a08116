package kr.co.pg.settlement.kis.protocol;

import java.util.regex.Pattern;

/** S1 data record, 200 bytes (kis-interface.md 3, "S1 data record"). */
final class S1Layout extends DataLayout<S1Record> {

    static final Pattern MASKED_CARD = Pattern.compile("^\\d{6}\\*{6}\\d{4}$");

    static final Field TRANSACTION_ID = Field.a("transactionId", 9, 20);
    static final Field SUB_MERCHANT_ID = Field.a("subMerchantId", 29, 20);
    static final Field KIS_SUB_MERCHANT_NO = Field.a("kisSubMerchantNo", 49, 15);
    static final Field BUSINESS_NO = Field.n("businessNo", 64, 10);
    static final Field CARD_COMPANY = Field.code("cardCompany", 74, 2, "BC", "KB", "HN", "SS", "SH", "HD", "LT", "NH",
            "WR");
    static final Field CARD_TYPE = Field.code("cardType", 76, 1, "C", "K");
    static final Field TRANSACTION_TYPE = Field.code("transactionType", 77, 1, "A", "C", "P");
    static final Field APPROVAL_DATE = Field.date("approvalDate", 78);
    static final Field APPROVAL_TIME = Field.time("approvalTime", 86);
    static final Field APPROVAL_NO = Field.a("approvalNo", 92, 8);
    static final Field ORIGINAL_APPROVAL_DATE = Field.optionalDate("originalApprovalDate", 100);
    static final Field ORIGINAL_APPROVAL_NO = Field.a("originalApprovalNo", 108, 8);
    static final Field MASKED_CARD_NO = Field.a("maskedCardNo", 116, 16);
    static final Field AMOUNT = Field.s("amount", 132, 14);
    static final Field APPLIED_FEE_RATE = Field.r("appliedFeeRate", 146);
    static final Field FEE_AMOUNT = Field.s("feeAmount", 151, 12);
    static final Field EXPECTED_DIFFERENCE = Field.s("expectedDifference", 163, 12);

    static final S1Layout INSTANCE = new S1Layout();

    private S1Layout() {
        super(FileType.S1, S1Record::seq, RECORD_TYPE, SEQ, TRANSACTION_ID, SUB_MERCHANT_ID, KIS_SUB_MERCHANT_NO, BUSINESS_NO,
                CARD_COMPANY, CARD_TYPE, TRANSACTION_TYPE, APPROVAL_DATE, APPROVAL_TIME, APPROVAL_NO,
                ORIGINAL_APPROVAL_DATE, ORIGINAL_APPROVAL_NO, MASKED_CARD_NO, AMOUNT, APPLIED_FEE_RATE, FEE_AMOUNT,
                EXPECTED_DIFFERENCE);
    }

    @Override
    boolean validateRecord(byte[] b, int base, int line, ErrorSink sink) {
        if (!isMasked(b, base + MASKED_CARD_NO.offset)) {
            sink.add(line, MASKED_CARD_NO.label(), display(MASKED_CARD_NO, b, base),
                    "not a masked card number dddddd******dddd");
            return false;
        }
        return true;
    }

    private static boolean isMasked(byte[] b, int from) {
        for (int i = 0; i < 16; i++) {
            byte c = b[from + i];
            boolean ok = i >= 6 && i < 12 ? c == '*' : c >= '0' && c <= '9';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A card number field is never echoed in full: only its first 6 and last 4 bytes. */
    @Override
    String display(Field f, byte[] b, int base) {
        String shown = f.display(b, base);
        if (f != MASKED_CARD_NO) {
            return shown;
        }
        return redact(shown);
    }

    static String redact(String value) {
        if (value == null) {
            return "null";
        }
        if (MASKED_CARD.matcher(value).matches() || value.isBlank()) {
            return value;
        }
        int n = value.length();
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(i < 6 || i >= n - 4 ? value.charAt(i) : '#');
        }
        return sb + " (redacted)";
    }

    @Override
    S1Record parse(byte[] b, int base, Cp949Text text) {
        return new S1Record((int) SEQ.number(b, base), TRANSACTION_ID.text(b, base, text),
                SUB_MERCHANT_ID.text(b, base, text), KIS_SUB_MERCHANT_NO.text(b, base, text),
                digitString(BUSINESS_NO, b, base), CARD_COMPANY.text(b, base, text), CARD_TYPE.ch(b, base),
                TRANSACTION_TYPE.ch(b, base), APPROVAL_DATE.date(b, base), APPROVAL_TIME.time(b, base),
                APPROVAL_NO.text(b, base, text), ORIGINAL_APPROVAL_DATE.date(b, base),
                ORIGINAL_APPROVAL_NO.text(b, base, text), MASKED_CARD_NO.text(b, base, text),
                AMOUNT.signed(b, base), APPLIED_FEE_RATE.rate(b, base), FEE_AMOUNT.signed(b, base),
                EXPECTED_DIFFERENCE.signed(b, base));
    }

    @Override
    void formatFields(S1Record r, byte[] buf, Cp949Text text) {
        // checked first: a full card number must not reach any buffer or message
        String card = r.maskedCardNo();
        if (card == null || !MASKED_CARD.matcher(card).matches()) {
            throw MASKED_CARD_NO.fail(redact(card), "not a masked card number dddddd******dddd");
        }
        TRANSACTION_ID.putText(buf, r.transactionId(), text);
        SUB_MERCHANT_ID.putText(buf, r.subMerchantId(), text);
        KIS_SUB_MERCHANT_NO.putText(buf, r.kisSubMerchantNo(), text);
        putDigitString(BUSINESS_NO, buf, r.businessNo());
        CARD_COMPANY.putCode(buf, r.cardCompany());
        CARD_TYPE.putCode(buf, r.cardType());
        TRANSACTION_TYPE.putCode(buf, r.transactionType());
        APPROVAL_DATE.putDate(buf, r.approvalDate());
        APPROVAL_TIME.putTime(buf, r.approvalTime());
        APPROVAL_NO.putText(buf, r.approvalNo(), text);
        ORIGINAL_APPROVAL_DATE.putDate(buf, r.originalApprovalDate());
        ORIGINAL_APPROVAL_NO.putText(buf, r.originalApprovalNo(), text);
        MASKED_CARD_NO.putText(buf, card, text);
        AMOUNT.putSigned(buf, r.amount());
        APPLIED_FEE_RATE.putRate(buf, r.appliedFeeRate());
        FEE_AMOUNT.putSigned(buf, r.feeAmount());
        EXPECTED_DIFFERENCE.putSigned(buf, r.expectedDifference());
    }

    @Override
    void addToControlTotals(byte[] b, int base, Totals totals) {
        totals.addAmounts(AMOUNT.signed(b, base), FEE_AMOUNT.signed(b, base));
    }
}
