package kr.co.pg.settlement.events;

import java.util.Optional;

/** The four jobs of domain.md; the names are the public kick-off contract. */
public enum Job {
    SUBMERCHANT_REGISTRATION_REQUEST,
    SUBMERCHANT_REGISTRATION_RESULT,
    DIFF_SETTLEMENT_REQUEST,
    DIFF_SETTLEMENT_RESULT;

    public static Optional<Job> fromName(String name) {
        for (Job job : values()) {
            if (job.name().equals(name)) {
                return Optional.of(job);
            }
        }
        return Optional.empty();
    }

    public boolean isRequestJob() {
        return this == SUBMERCHANT_REGISTRATION_REQUEST || this == DIFF_SETTLEMENT_REQUEST;
    }
}
