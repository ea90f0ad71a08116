package kr.co.pg.settlement.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("kickoffId is missing");
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
}
