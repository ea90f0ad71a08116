package kr.co.pg.settlement.collector.domain;

import java.util.Optional;
import kr.co.pg.settlement.kis.protocol.BusinessNumber;
import kr.co.pg.settlement.kis.protocol.Cp949;

/**
 * The local checks of domain.md a sub-merchant must pass before it is sent to KIS (table order L101, L102, L103,
 * L104). L104 is this repository's addition: the PG's columns are wider than the R1 fields (business_name
 * VARCHAR(100) against 50 CP949 bytes, ...), and a value the layout cannot hold would make the gateway refuse the whole
 * file; checked here, only that sub-merchant is rejected.
 */
public final class RegistrationChecks {

    public static final String INVALID_BUSINESS_NO = "L101";
    public static final String NOT_CP949 = "L102";
    public static final String MISSING_FIELD = "L103";
    public static final String DOES_NOT_FIT_FIELD = "L104";

    /** R1 text fields and their width in CP949 bytes (kis-interface.md 3, "R1 data record"). */
    record Width(String column, int bytes) {
    }

    static final Width SUB_MERCHANT_ID = new Width("sub_merchant_id", 20);
    static final Width BUSINESS_NAME = new Width("business_name", 50);
    static final Width REPRESENTATIVE_NAME = new Width("representative_name", 20);
    static final Width INDUSTRY_CODE = new Width("industry_code", 5);
    static final Width PHONE = new Width("phone", 12);
    static final Width POSTAL_CODE = new Width("postal_code", 5);
    static final Width ADDRESS = new Width("address", 100);

    public static Optional<LocalRejection> check(SubMerchantCandidate s) {
        if (!BusinessNumber.isValid(s.businessNo())) {
            return Optional.of(new LocalRejection(INVALID_BUSINESS_NO,
                    "business_no '" + s.businessNo() + "' fails the check digit; correct it and set CHANGED/NONE"));
        }
        String badField = firstNotCp949(s);
        if (badField != null) {
            return Optional.of(new LocalRejection(NOT_CP949,
                    badField + " has a character CP949 cannot encode; correct it and set CHANGED/NONE"));
        }
        String missing = isBlank(s.businessName()) ? "business_name"
                : isBlank(s.representativeName()) ? "representative_name"
                : s.openedOn() == null ? "opened_on" : null;
        if (missing != null) {
            return Optional.of(new LocalRejection(MISSING_FIELD, missing + " is missing; fill it and set CHANGED/NONE"));
        }
        return doesNotFit(s);
    }

    private static Optional<LocalRejection> doesNotFit(SubMerchantCandidate s) {
        String[] values = {s.subMerchantId(), s.businessName(), s.representativeName(), s.industryCode(), s.phone(),
                s.postalCode(), s.address()};
        Width[] widths = {SUB_MERCHANT_ID, BUSINESS_NAME, REPRESENTATIVE_NAME, INDUSTRY_CODE, PHONE, POSTAL_CODE,
                ADDRESS};
        for (int i = 0; i < values.length; i++) {
            int bytes = Cp949.byteLength(values[i]);
            if (bytes > widths[i].bytes()) {
                return Optional.of(new LocalRejection(DOES_NOT_FIT_FIELD, widths[i].column() + " is " + bytes
                        + " CP949 bytes, the R1 field holds " + widths[i].bytes() + "; shorten it and set CHANGED/NONE"));
            }
        }
        if (s.phone() != null && !s.phone().chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(new LocalRejection(DOES_NOT_FIT_FIELD, "phone '" + s.phone()
                    + "' is not digits only (R1 field); correct it and set CHANGED/NONE"));
        }
        return Optional.empty();
    }

    private static String firstNotCp949(SubMerchantCandidate s) {
        if (!Cp949.canEncode(s.businessName())) {
            return "business_name";
        }
        if (!Cp949.canEncode(s.representativeName())) {
            return "representative_name";
        }
        if (!Cp949.canEncode(s.address())) {
            return "address";
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private RegistrationChecks() {
    }
}
