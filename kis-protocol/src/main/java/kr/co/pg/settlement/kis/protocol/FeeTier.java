package kr.co.pg.settlement.kis.protocol;

import java.util.Optional;

/** Fee tiers and their R2 codes. */
public enum FeeTier {
    SMALL("01"), MEDIUM_1("02"), MEDIUM_2("03"), MEDIUM_3("04"), GENERAL("05");

    private final String kisCode;

    FeeTier(String kisCode) {
        this.kisCode = kisCode;
    }

    public String kisCode() {
        return kisCode;
    }

    public static Optional<FeeTier> fromKisCode(String code) {
        for (FeeTier t : values()) {
            if (t.kisCode.equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
