package kr.co.pg.settlement.collector.domain;

/** What difference settlement does with one NONE transaction. */
public sealed interface DiffDecision {

    /** The sub-merchant is not REGISTERED (yet): stays NONE, looked at again at the next run. */
    record Wait() implements DiffDecision {
    }

    /** Eligible: collect and send, with the PG's expected difference. */
    record Collect(long expectedDifference) implements DiffDecision {
    }

    /** NOT_ELIGIBLE with N001/N002/N003, never sent. */
    record NotEligible(String code) implements DiffDecision {
    }

    /** Must not be sent (bad data, e.g. an unmasked card number): REJECTED with a local code. */
    record Refused(LocalRejection rejection) implements DiffDecision {
    }
}
