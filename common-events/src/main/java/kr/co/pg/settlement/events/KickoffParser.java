package kr.co.pg.settlement.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a kick-off message strictly, naming the field at fault. Everything that could make a consumer fail
 * later (a 10 KB id that does not fit the job_run table, a date KIS cannot carry) is refused here, so the
 * message goes to the dead-letter topic at once instead of being retried forever in front of the real kick-offs
 * behind it on the same partition (every kick-off of a job has the same key).
 */
public final class KickoffParser {

    /** A kick-off is a few hundred bytes; anything much bigger is not one. */
    public static final int MAX_BYTES = 16 * 1024;
    public static final int MAX_KICKOFF_ID_LENGTH = 64;
    public static final int MAX_REQUESTED_BY_LENGTH = 100;
    /** Business dates KIS files can carry at all; the service-side window relative to today is narrower. */
    public static final LocalDate EARLIEST_BUSINESS_DATE = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST_BUSINESS_DATE = LocalDate.of(2099, 12, 31);
    /** Default of the services' window: a business date more than this many days after today is refused. */
    public static final int DEFAULT_MAX_DAYS_AHEAD = 31;
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");

    /**
     * Parses every field strictly; the business date only within [2000-01-01, 2099-12-31]. Consumers check the
     * window relative to today with {@link #requireBusinessDateWithin} (its width is their configuration), or use
     * {@link #parse(byte[], Clock, int)}.
     */
    public static KickoffRequested parse(byte[] value) {
        if (value == null) {
            throw new InvalidEventException("kick-off: empty message (tombstone): a kick-off needs a JSON value");
        }
        if (value.length == 0) {
            throw new InvalidEventException("kick-off: empty message value");
        }
        if (value.length > MAX_BYTES) {
            throw new InvalidEventException("kick-off: message of " + value.length + " bytes, more than "
                    + MAX_BYTES + ": not a kick-off (starts " + preview(value) + ")");
        }
        JsonNode root;
        try {
            root = EventJson.mapper().readTree(value);
        } catch (JacksonException e) {
            throw new InvalidEventException("kick-off: not valid JSON: " + e.getOriginalMessage()
                    + " (starts " + preview(value) + ")");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidEventException("kick-off: JSON value is not an object: " + preview(value));
        }
        String kickoffId = text(root, "kickoff", "kickoffId", true);
        checkKickoffId(kickoffId);
        String event = "kick-off " + kickoffId;
        String jobName = text(root, event, "job", true);
        Job job = Job.fromName(jobName).orElseThrow(() -> new InvalidFieldException(event, "job", jobName,
                "unknown job '" + jobName + "'; one of SUBMERCHANT_REGISTRATION_REQUEST, SUBMERCHANT_REGISTRATION_RESULT,"
                        + " DIFF_SETTLEMENT_REQUEST, DIFF_SETTLEMENT_RESULT"));
        String date = text(root, event, "businessDate", true);
        LocalDate businessDate;
        try {
            businessDate = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(event, "businessDate", date, "not a date YYYY-MM-DD");
        }
        if (businessDate.isBefore(EARLIEST_BUSINESS_DATE) || businessDate.isAfter(LATEST_BUSINESS_DATE)) {
            throw new InvalidFieldException(event, "businessDate", date, "outside " + EARLIEST_BUSINESS_DATE + ".."
                    + LATEST_BUSINESS_DATE);
        }
        String requestedAtText = text(root, event, "requestedAt", false);
        OffsetDateTime requestedAt = null;
        if (requestedAtText != null) {
            try {
                requestedAt = OffsetDateTime.parse(requestedAtText);
            } catch (DateTimeParseException e) {
                throw new InvalidFieldException(event, "requestedAt", requestedAtText,
                        "not an ISO-8601 date-time with offset (e.g. 2026-11-24T07:15:00+09:00)");
            }
        }
        String requestedBy = text(root, event, "requestedBy", false);
        if (requestedBy != null && requestedBy.length() > MAX_REQUESTED_BY_LENGTH) {
            throw new InvalidFieldException(event, "requestedBy", requestedBy,
                    "longer than " + MAX_REQUESTED_BY_LENGTH + " characters");
        }
        return new KickoffRequested(kickoffId, job, businessDate, requestedAt, requestedBy);
    }

    /** {@link #parse(byte[])}, then the business date at most maxDaysAhead days after today (of the clock, KST). */
    public static KickoffRequested parse(byte[] value, Clock clock, int maxDaysAhead) {
        KickoffRequested kickoff = parse(value);
        requireBusinessDateWithin(kickoff, clock, maxDaysAhead);
        return kickoff;
    }

    /**
     * @throws InvalidFieldException when the business date is more than maxDaysAhead days after today (KST of the
     *                               clock): a typo'd year must not run (or wait) as a real day
     */
    public static void requireBusinessDateWithin(KickoffRequested kickoff, Clock clock, int maxDaysAhead) {
        LocalDate latest = LocalDate.now(clock.withZone(KST)).plusDays(maxDaysAhead);
        if (kickoff.businessDate().isAfter(latest)) {
            throw new InvalidFieldException("kick-off " + kickoff.kickoffId(), "businessDate",
                    kickoff.businessDate().toString(), "more than " + maxDaysAhead + " days in the future (latest "
                            + latest + ")");
        }
    }

    private static void checkKickoffId(String kickoffId) {
        if (kickoffId.length() > MAX_KICKOFF_ID_LENGTH) {
            throw new InvalidFieldException("kick-off", "kickoffId", kickoffId,
                    "longer than " + MAX_KICKOFF_ID_LENGTH + " characters");
        }
        for (int i = 0; i < kickoffId.length(); i++) {
            char c = kickoffId.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw new InvalidFieldException("kick-off", "kickoffId", kickoffId, "character " + (i + 1)
                        + " is not printable ASCII (letters, digits, punctuation; no spaces)");
            }
        }
    }

    private static String text(JsonNode root, String event, String field, boolean required) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidFieldException(event, field, null, "is required");
            }
            return null;
        }
        if (!node.isString() || node.asString().isBlank()) {
            throw new InvalidFieldException(event, field, node.toString(), "not a non-empty string");
        }
        return node.asString();
    }

    private static String preview(byte[] value) {
        return "'" + InvalidFieldException.display(new String(value, 0, Math.min(value.length, 200),
                StandardCharsets.UTF_8)) + "'";
    }

    private KickoffParser() {
    }
}
