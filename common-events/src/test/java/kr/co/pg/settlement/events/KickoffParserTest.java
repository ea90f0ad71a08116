package kr.co.pg.settlement.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class KickoffParserTest {

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheContractExample() {
        KickoffRequested k = KickoffParser.parse(json("""
                {"kickoffId":"0b6f3c1e-5d7a-4b0e-9a51-2f3c8e9d1a77","job":"DIFF_SETTLEMENT_REQUEST",
                 "businessDate":"2026-11-24","requestedAt":"2026-11-24T07:15:00+09:00","requestedBy":"scheduler"}"""));
        assertThat(k.kickoffId()).isEqualTo("0b6f3c1e-5d7a-4b0e-9a51-2f3c8e9d1a77");
        assertThat(k.job()).isEqualTo(Job.DIFF_SETTLEMENT_REQUEST);
        assertThat(k.businessDate()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(k.requestedAt().getOffset().getTotalSeconds()).isEqualTo(9 * 3600);
        assertThat(k.key()).isEqualTo("DIFF_SETTLEMENT_REQUEST");
    }

    @Test
    void namesTheFaultOfABadMessage() {
        assertThatThrownBy(() -> KickoffParser.parse(json("not json")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> KickoffParser.parse(json("{\"kickoffId\":\"k1\",\"job\":\"PAYDAY\",\"businessDate\":\"2026-11-24\"}")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("unknown job 'PAYDAY'");
        assertThatThrownBy(() -> KickoffParser.parse(json("{\"kickoffId\":\"k1\",\"job\":\"DIFF_SETTLEMENT_RESULT\",\"businessDate\":\"2026-13-24\"}")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("businessDate");
        assertThatThrownBy(() -> KickoffParser.parse(json("{\"job\":\"DIFF_SETTLEMENT_RESULT\",\"businessDate\":\"2026-11-24\"}")))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("field kickoffId: missing");
        assertThatThrownBy(() -> KickoffParser.parse(new byte[0])).isInstanceOf(InvalidEventException.class);
    }

    @Test
    void fileEventsRoundTripWithExactMoney() {
        var tx = new SettlementFileRequested.Transaction(1, "T1", "SM1", "KIS000000000001", "2208162517", "BC",
                "CREDIT", "CANCEL", java.time.LocalDateTime.of(2025, 2, 14, 0, 0), "12345678",
                LocalDate.of(2025, 2, 13), "87654321", "123456******1234", -10_000L,
                new java.math.BigDecimal("2.300"), -230L, -190L);
        var event = new SettlementFileRequested("e1", LocalDate.of(2025, 2, 15), "S1-20250215-000001",
                LocalDate.of(2025, 2, 15), 1, java.time.LocalDateTime.of(2025, 2, 15, 7, 15), java.util.List.of(tx));
        var back = EventJson.read(EventJson.write(event), SettlementFileRequested.class);
        assertThat(back).isEqualTo(event);
        assertThat(back.records().get(0).appliedFeeRate()).isEqualByComparingTo("2.300");
    }

    private static final Clock NOV_27 = Clock.fixed(Instant.parse("2026-11-27T00:00:00Z"), ZoneId.of("Asia/Seoul"));

    private static String kickoff(String id, String job, String date) {
        return "{\"kickoffId\":\"" + id + "\",\"job\":\"" + job + "\",\"businessDate\":\"" + date + "\"}";
    }

    private static InvalidFieldException fieldFault(String message) {
        try {
            KickoffParser.parse(json(message), NOV_27, 31);
        } catch (InvalidFieldException e) {
            return e;
        }
        throw new AssertionError("accepted: " + message);
    }

    @Test
    void aTenKilobyteKickoffIdIsRefusedWithAShortDisplayValue() {
        InvalidFieldException e = fieldFault(kickoff("x".repeat(10_240), "DIFF_SETTLEMENT_REQUEST", "2026-11-24"));
        assertThat(e.field()).isEqualTo("kickoffId");
        assertThat(e.reason()).contains("longer than 64");
        assertThat(e.value()).startsWith("x".repeat(80)).endsWith("... (10240 chars)");
        assertThat(e.getMessage()).hasSizeLessThan(300);
    }

    @Test
    void kickoffIdIsOneToSixtyFourPrintableCharacters() {
        assertThat(KickoffParser.parse(json(kickoff("k".repeat(64), "DIFF_SETTLEMENT_REQUEST", "2026-11-24")))
                .kickoffId()).hasSize(64);
        assertThat(fieldFault(kickoff("a b", "DIFF_SETTLEMENT_REQUEST", "2026-11-24")).reason())
                .contains("character 2 is not printable");
        assertThat(fieldFault(kickoff("a\\u0000b", "DIFF_SETTLEMENT_REQUEST", "2026-11-24")).value())
                .isEqualTo("a?b");
        assertThat(fieldFault(kickoff("", "DIFF_SETTLEMENT_REQUEST", "2026-11-24")).reason())
                .contains("non-empty string");
        assertThat(fieldFault("{\"kickoffId\":42,\"job\":\"DIFF_SETTLEMENT_REQUEST\",\"businessDate\":\"2026-11-24\"}")
                .value()).isEqualTo("42");
    }

    @Test
    void unknownJobAndBadDatesNameTheirField() {
        InvalidFieldException job = fieldFault(kickoff("k1", "PAYDAY", "2026-11-24"));
        assertThat(job.field()).isEqualTo("job");
        assertThat(job.value()).isEqualTo("PAYDAY");
        assertThat(fieldFault(kickoff("k1", "DIFF_SETTLEMENT_REQUEST", "24.11.2026")).field()).isEqualTo("businessDate");
        assertThat(fieldFault(kickoff("k1", "DIFF_SETTLEMENT_REQUEST", "1999-12-31")).reason()).contains("outside");
        InvalidFieldException farFuture = fieldFault(kickoff("k1", "DIFF_SETTLEMENT_REQUEST", "2026-12-29"));
        assertThat(farFuture.reason()).contains("more than 31 days in the future (latest 2026-12-28)");
        assertThat(KickoffParser.parse(json(kickoff("k1", "DIFF_SETTLEMENT_REQUEST", "2026-12-28")), NOV_27, 31)
                .businessDate()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(fieldFault("{\"kickoffId\":\"k1\",\"job\":\"DIFF_SETTLEMENT_REQUEST\",\"businessDate\":\"2026-11-24\","
                + "\"requestedAt\":\"yesterday\"}").field()).isEqualTo("requestedAt");
    }

    @Test
    void tombstonesOversizeAndNonObjectsAreInvalidEvents() {
        assertThatThrownBy(() -> KickoffParser.parse(null))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("empty message (tombstone)");
        assertThatThrownBy(() -> EventJson.read(null, FileSubmitted.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("FileSubmitted: empty message (tombstone)");
        assertThatThrownBy(() -> EventJson.read(new byte[0], FileSubmitted.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("empty message value");
        assertThatThrownBy(() -> EventJson.read(json("{not json"), FileSubmitted.class))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("unreadable JSON");
        assertThatThrownBy(() -> KickoffParser.parse(json(" ".repeat(KickoffParser.MAX_BYTES + 1))))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("more than 16384");
        assertThatThrownBy(() -> KickoffParser.parse(json("[1,2]")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("not an object");
        assertThatThrownBy(() -> KickoffParser.parse(json("\"\\u0007bell\"")))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("not an object");
    }
}
