package kr.co.pg.settlement.collector.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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

    /** An R1 text field: the column it is filled from and its width in CP949 bytes (kis-interface.md 3, R1). */
    private record R1Field(String column, int bytes, Function<SubMerchantCandidate, String> value) {
    }

    private static final List<R1Field> R1_TEXT_FIELDS = List.of(
            new R1Field("sub_merchant_id", 20, SubMerchantCandidate::subMerchantId),
            new R1Field("business_name", 50, SubMerchantCandidate::businessName),
            new R1Field("representative_name", 20, SubMerchantCandidate::representativeName),
            new R1Field("industry_code", 5, SubMerchantCandidate::industryCode),
            new R1Field("phone", 12, SubMerchantCandidate::phone),
            new R1Field("postal_code", 5, SubMerchantCandidate::postalCode),
            new R1Field("address", 100, SubMerchantCandidate::address));

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
        for (R1Field field : R1_TEXT_FIELDS) {
            int bytes = Cp949.byteLength(field.value().apply(s));
            if (bytes > field.bytes()) {
                return Optional.of(new LocalRejection(DOES_NOT_FIT_FIELD, field.column() + " is " + bytes
                        + " CP949 bytes, the R1 field holds " + field.bytes() + "; shorten it and set CHANGED/NONE"));
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
