package kr.co.pg.settlement.simulator.application;

/** The answer to an upload, before HTTP. */
public sealed interface IntakeResult {

    /** 202 (repeated=false) or 200 (repeated=true, same body as the first 202). */
    record Accepted(ReceiptInfo info, boolean repeated) implements IntakeResult {
    }

    /** 409 K409. */
    record Conflict(String message) implements IntakeResult {
    }

    /** 422 K422, line counted from 1 (null when no line is at fault). */
    record Refused(String message, Integer line) implements IntakeResult {
    }
}
