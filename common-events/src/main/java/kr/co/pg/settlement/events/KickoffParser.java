package kr.co.pg.settlement.events;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads a kick-off message strictly, naming the field at fault. */
public final class KickoffParser {

    public static KickoffRequested parse(byte[] value) {
        if (value == null || value.length == 0) {
            throw new InvalidEventException("kick-off: empty message value");
        }
        JsonNode root;
        try {
            root = EventJson.mapper().readTree(value);
        } catch (JacksonException e) {
            throw new InvalidEventException("kick-off: not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidEventException("kick-off: JSON value is not an object: "
                    + abbreviate(new String(value, StandardCharsets.UTF_8)));
        }
        String kickoffId = text(root, "kickoffId", true);
        String jobName = text(root, "job", true);
        Job job = Job.fromName(jobName).orElseThrow(() -> new InvalidEventException(
                "kick-off " + kickoffId + ": field job: unknown job '" + jobName + "'"));
        String date = text(root, "businessDate", true);
        LocalDate businessDate;
        try {
            businessDate = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("kick-off " + kickoffId + ": field businessDate: '" + date
                    + "' is not a date YYYY-MM-DD");
        }
        String requestedAtText = text(root, "requestedAt", false);
        OffsetDateTime requestedAt = null;
        if (requestedAtText != null) {
            try {
                requestedAt = OffsetDateTime.parse(requestedAtText);
            } catch (DateTimeParseException e) {
                throw new InvalidEventException("kick-off " + kickoffId + ": field requestedAt: '" + requestedAtText
                        + "' is not an ISO-8601 date-time with offset");
            }
        }
        return new KickoffRequested(kickoffId, job, businessDate, requestedAt, text(root, "requestedBy", false));
    }

    private static String text(JsonNode root, String field, boolean required) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new InvalidEventException("kick-off: field " + field + " is missing");
            }
            return null;
        }
        if (!node.isString() || node.asString().isBlank()) {
            throw new InvalidEventException("kick-off: field " + field + ": not a non-empty string: " + node);
        }
        return node.asString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    private KickoffParser() {
    }
}
