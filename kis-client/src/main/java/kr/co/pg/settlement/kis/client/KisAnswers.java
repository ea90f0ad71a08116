package kr.co.pg.settlement.kis.client;

import static kr.co.pg.settlement.kis.client.JsonFields.optionalText;
import static kr.co.pg.settlement.kis.client.JsonFields.requiredInt;
import static kr.co.pg.settlement.kis.client.JsonFields.requiredText;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.BiFunction;
import kr.co.pg.settlement.kis.protocol.FileType;
import org.springframework.http.HttpHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each HTTP answer of KIS means (kis-interface.md section 2): status code, headers and body to a typed
 * result. A body that cannot be read becomes {@link UnexpectedAnswer}, never an exception, so that the
 * client's Monos fail only for the caller's mistakes.
 */
final class KisAnswers {

    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    private static final int DETAIL_LIMIT = 300;

    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;

    KisAnswers(Clock clock) {
        this.clock = clock;
    }

    UploadResult upload(int status, HttpHeaders headers, byte[] body) {
        switch (status) {
            case 200, 202 -> {
                try {
                    JsonNode node = json.readTree(body);
                    return new UploadResult.Accepted(
                            requiredText(node, "receiptNo"),
                            FileType.valueOf(requiredText(node, "fileType")),
                            parseDate(requiredText(node, "fileDate")),
                            requiredInt(node, "fileSeq"),
                            requiredInt(node, "recordCount"),
                            requiredText(node, "status"),
                            status == 200);
                } catch (JacksonException | IllegalArgumentException | DateTimeException e) {
                    return unreadable(status, "acceptance", e, body);
                }
            }
            case 409 -> {
                return errorBody(body, "K409").as(UploadResult.Conflict::new);
            }
            case 422 -> {
                ErrorBody error = errorBody(body, "K422");
                return new UploadResult.LayoutRefused(error.code, error.message, error.line);
            }
            case 413 -> {
                return errorBody(body, "K413").as(UploadResult.TooLarge::new);
            }
            default -> {
                return common(status, headers, body);
            }
        }
    }

    StatusResult status(int status, HttpHeaders headers, byte[] body) {
        if (status == 200) {
            try {
                JsonNode node = json.readTree(body);
                String resultType = optionalText(node, "resultFileType");
                JsonNode size = node.get("resultSize");
                return new StatusResult.Found(
                        requiredText(node, "receiptNo"),
                        FileType.valueOf(requiredText(node, "fileType")),
                        StatusResult.ReceiptStatus.valueOf(requiredText(node, "status")),
                        resultType == null ? null : FileType.valueOf(resultType),
                        size == null || size.isNull() ? null : size.asLong(),
                        optionalText(node, "message"));
            } catch (JacksonException | IllegalArgumentException e) {
                return unreadable(status, "status", e, body);
            }
        }
        if (status == 404) {
            return notFound(body);
        }
        return (StatusResult) common(status, headers, body);
    }

    /** Any answer but 200 to a result download (200 streams the file: {@link ResultDownload}). */
    DownloadResult downloadFailure(int status, HttpHeaders headers, byte[] body) {
        if (status == 409) {
            return errorBody(body, "K410").as(DownloadResult.NotReady::new);
        }
        if (status == 404) {
            return notFound(body);
        }
        return (DownloadResult) common(status, headers, body);
    }

    /** Answers every endpoint shares; the returned record implements all three result interfaces. */
    private UploadResult common(int status, HttpHeaders headers, byte[] body) {
        if (status == 401) {
            return errorBody(body, "K401").as(Unauthorized::new);
        }
        if (status == 429) {
            return new RateLimited(retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER)));
        }
        if (status >= 500) {
            return new Unavailable(status, preview(body));
        }
        return new UnexpectedAnswer(status, preview(body));
    }

    private NotFound notFound(byte[] body) {
        return errorBody(body, "K404").as(NotFound::new);
    }

    private static UnexpectedAnswer unreadable(int status, String what, Exception e, byte[] body) {
        return new UnexpectedAnswer(status, "unreadable " + what + " body (" + e.getMessage() + "): " + preview(body));
    }

    /** KIS's error JSON; {@code line} only for 422, null when KIS named none. */
    private record ErrorBody(String code, String message, Integer line) {
        <T> T as(BiFunction<String, String, T> result) {
            return result.apply(code, message);
        }
    }

    private ErrorBody errorBody(byte[] body, String defaultCode) {
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.isObject()) {
                String code = optionalText(node, "code");
                String message = optionalText(node, "message");
                JsonNode line = node.get("line");
                return new ErrorBody(code == null ? defaultCode : code, message == null ? "" : message,
                        line == null || !line.canConvertToInt() ? null : line.asInt());
            }
        } catch (JacksonException e) {
            // not JSON (e.g. a proxy's page): keep the text as the message
        }
        return new ErrorBody(defaultCode, preview(body), null);
    }

    /** KIS's JSON date format is not fixed by the spec: accept YYYYMMDD (the files' form) and ISO YYYY-MM-DD. */
    static LocalDate parseDate(String text) {
        String t = text.trim();
        return t.length() == 8 ? LocalDate.parse(t, DateTimeFormatter.BASIC_ISO_DATE) : LocalDate.parse(t);
    }

    /** Retry-After as delta-seconds or an HTTP date; 1 s when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT_RETRY_AFTER;
        }
        String h = header.trim();
        try {
            long seconds = Long.parseLong(h);
            return seconds <= 0 ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return d.isNegative() || d.isZero() ? DEFAULT_RETRY_AFTER : d;
            } catch (DateTimeException unreadable) {
                return DEFAULT_RETRY_AFTER;
            }
        }
    }

    /** The start of a body for a message: a proxy's HTML page must not flood a log line. */
    static String preview(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, DETAIL_LIMIT), StandardCharsets.UTF_8);
        return body.length > DETAIL_LIMIT ? text + "..." : text;
    }
}
