package kr.co.pg.settlement.kis.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class KisAnswersTest {

    private final KisAnswers answers = new KisAnswers(
            Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
    private final HttpHeaders none = new HttpHeaders();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void acceptanceReadsBothDateFormsAndTellsARepeat() {
        String body = "{\"receiptNo\":\"R0000000000000000001\",\"fileType\":\"S1\",\"fileDate\":\"%s\","
                + "\"fileSeq\":\"7\",\"recordCount\":3,\"status\":\"RECEIVED\"}";

        assertThat(answers.upload(202, none, utf8(body.formatted("20261127")))).isEqualTo(new UploadResult.Accepted(
                "R0000000000000000001", kr.co.pg.settlement.kis.protocol.FileType.S1, LocalDate.of(2026, 11, 27), 7, 3,
                "RECEIVED", false));
        assertThat(answers.upload(200, none, utf8(body.formatted("2026-11-27"))))
                .isInstanceOfSatisfying(UploadResult.Accepted.class, a -> assertThat(a.repeated()).isTrue());
    }

    @Test
    void anUnreadableAcceptanceIsAnUnexpectedAnswerNamingTheField() {
        assertThat(answers.upload(202, none, utf8("{\"fileType\":\"S1\"}")))
                .isInstanceOfSatisfying(UnexpectedAnswer.class, u -> assertThat(u.toString()).contains("receiptNo"));
    }

    @Test
    void errorBodiesKeepKisCodeOrFallBackToTheStatusCode() {
        assertThat(answers.upload(409, none, utf8("{\"code\":\"K409\",\"message\":\"other content\"}")))
                .isEqualTo(new UploadResult.Conflict("K409", "other content"));
        assertThat(answers.upload(422, none, utf8("{\"code\":\"K422\",\"message\":\"bad\",\"line\":12}")))
                .isEqualTo(new UploadResult.LayoutRefused("K422", "bad", 12));
        assertThat(answers.status(404, none, utf8("<html>proxy</html>")))
                .isEqualTo(new NotFound("K404", "<html>proxy</html>"));
        assertThat(answers.downloadFailure(409, none, new byte[0]))
                .isEqualTo(new DownloadResult.NotReady("K410", ""));
        assertThat(answers.downloadFailure(401, none, utf8("{\"message\":\"skew\"}")))
                .isEqualTo(new Unauthorized("K401", "skew"));
    }

    @Test
    void serverErrorsAreUnavailableWithAShortPreview() {
        assertThat(answers.status(503, none, utf8("x".repeat(1000))))
                .isInstanceOfSatisfying(Unavailable.class, u -> {
                    assertThat(u.httpStatus()).isEqualTo(503);
                    assertThat(u.detail()).hasSize(303).endsWith("...");
                });
        assertThat(answers.status(418, none, utf8("teapot"))).isEqualTo(new UnexpectedAnswer(418, "teapot"));
    }

    @Test
    void retryAfterTakesSecondsOrAnHttpDateAndDefaultsToOneSecond() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "7");
        assertThat(answers.upload(429, headers, new byte[0])).isEqualTo(new RateLimited(Duration.ofSeconds(7)));

        assertThat(answers.retryAfter("Fri, 27 Nov 2026 10:00:30 GMT")).isEqualTo(Duration.ofSeconds(30));
        assertThat(answers.retryAfter("Fri, 27 Nov 2026 09:00:00 GMT")).isEqualTo(Duration.ofSeconds(1));
        assertThat(answers.retryAfter("0")).isEqualTo(Duration.ofSeconds(1));
        assertThat(answers.retryAfter("soon")).isEqualTo(Duration.ofSeconds(1));
        assertThat(answers.retryAfter(null)).isEqualTo(Duration.ofSeconds(1));
    }
}
