package kr.co.pg.settlement.scheduler.application;

/** What the scheduler does with a slot. */
public record Verdict(Kind kind, String reason) {

    public enum Kind {
        /** Sent as a kick-off. */
        RUN,
        /** A request job on a public holiday: not sent. */
        SKIPPED_HOLIDAY,
        /** A request job on a date whose year has no holiday data: not sent (loud), an operator decides. */
        SKIPPED_NO_HOLIDAY_DATA
    }

    static Verdict run() {
        return new Verdict(Kind.RUN, null);
    }

    public boolean runs() {
        return kind == Kind.RUN;
    }
}
