package kr.co.pg.settlement.kis.protocol;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/** Fixed sample headers and records shared by the tests (and by the golden files). */
final class Samples {

    static final LocalDate FILE_DATE = LocalDate.of(2026, 11, 24);
    static final LocalDateTime CREATED = LocalDateTime.of(2026, 11, 24, 9, 30, 15);
    static final String RECEIPT = "RCP20261124000000001";

    static FileHeader header(FileType type) {
        boolean result = type == FileType.R2 || type == FileType.S2;
        return new FileHeader(type, "PG00000001", FILE_DATE, 1, CREATED, result ? RECEIPT : null);
    }

    /** 50 bytes exactly: 25 Hangul syllables. */
    static final String NAME_50_BYTES = "가나다라마바사아자차카타파하가나다라마바사아자차카";
    /** 20 bytes exactly: 10 syllables. */
    static final String REP_20_BYTES = "홍길동홍길동홍길동홍";
    /** "A" + 10 syllables = 21 bytes: cut inside the 10th syllable, so only 9 syllables fit (19 bytes). */
    static final String REP_21_BYTES = "A김철수김철수김철수김";

    static List<R1Record> r1Records() {
        return List.of(
                new R1Record(1, 'N', "SM0000000001", "1234567891", NAME_50_BYTES, REP_20_BYTES,
                        LocalDate.of(2020, 1, 2), null, "5411", "0212345678", "04524", "서울특별시 중구 세종대로 110"),
                new R1Record(2, 'U', "SM0000000002", "2208162517", "(주)한국상사", REP_21_BYTES,
                        LocalDate.of(2019, 2, 28), null, "5812", "01099998888", "06236", "Seoul Gangnam-gu"),
                new R1Record(3, 'C', "SM0000000003", "1018149860", "Closing Shop", "KIM", LocalDate.of(2016, 2, 29),
                        LocalDate.of(2026, 11, 23), null, null, null, null));
    }

    static List<R2Record> r2Records() {
        return List.of(
                new R2Record(1, 'N', "SM0000000001", "1234567891", "0000", "정상 등록", "01",
                        LocalDate.of(2025, 11, 24), LocalDate.of(2027, 2, 13), "KIS000000000001"),
                new R2Record(2, 'U', "SM0000000002", "2208162517", "E104", "미등록 가맹점", null, null, null, null),
                new R2Record(3, 'C', "SM0000000003", "1018149860", "0000", "해지 완료", null, null,
                        LocalDate.of(2026, 11, 23), "KIS000000000003"));
    }

    static List<S1Record> s1Records() {
        return List.of(
                new S1Record(1, "TX0000000000000001", "SM0000000001", "KIS000000000001", "1234567891", "BC", 'C', 'A',
                        LocalDate.of(2026, 11, 23), LocalTime.of(13, 5, 9), "12345678", null, null,
                        "123456******1234", 150_000L, new BigDecimal("2.300"), 3_450L, 2_850L),
                new S1Record(2, "TX0000000000000002", "SM0000000001", "KIS000000000001", "1234567891", "KB", 'K', 'C',
                        LocalDate.of(2026, 11, 23), LocalTime.of(18, 0, 0), "22223333", LocalDate.of(2026, 11, 20),
                        "11112222", "543210******9876", -55_000L, new BigDecimal("1.500"), -825L, -605L),
                new S1Record(3, "TX0000000000000003", "SM0000000002", "KIS000000000002", "2208162517", "SS", 'C', 'P',
                        LocalDate.of(2026, 11, 23), LocalTime.of(23, 59, 59), "33334444", LocalDate.of(2026, 11, 22),
                        "99990000", "111111******2222", -10_001L, new BigDecimal("2.300"), -230L, -190L));
    }

    static List<S2Record> s2Records() {
        return List.of(
                new S2Record(1, "TX0000000000000001", "12345678", LocalDate.of(2026, 11, 23), "0000", "정상",
                        new BigDecimal("0.400"), 2_850L, LocalDate.of(2026, 11, 26)),
                new S2Record(2, "TX0000000000000002", "22223333", LocalDate.of(2026, 11, 23), "E203",
                        "원거래 없음", new BigDecimal("0.000"), 0L, null),
                new S2Record(3, "TX0000000000000003", "33334444", LocalDate.of(2026, 11, 23), "0000", "정상",
                        new BigDecimal("0.400"), -190L, LocalDate.of(2026, 11, 26)));
    }

    private Samples() {
    }
}
