package kr.co.pg.settlement.collector.domain;

import java.util.Optional;
import kr.co.pg.settlement.kis.protocol.BusinessNumber;
import kr.co.pg.settlement.kis.protocol.Cp949;

/** The local checks of domain.md a sub-merchant must pass before it is sent to KIS (table order L101, L102, L103). */
public final class RegistrationChecks {

    public static final String INVALID_BUSINESS_NO = "L101";
    public static final String NOT_CP949 = "L102";
    public static final String MISSING_FIELD = "L103";

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
