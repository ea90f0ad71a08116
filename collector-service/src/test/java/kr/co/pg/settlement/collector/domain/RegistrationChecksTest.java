package kr.co.pg.settlement.collector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import kr.co.pg.settlement.events.status.KisRegStatus;
import org.junit.jupiter.api.Test;

class RegistrationChecksTest {

    static SubMerchantCandidate sm(String businessNo, String name, String rep, LocalDate openedOn, String address) {
        return new SubMerchantCandidate("SM1", businessNo, name, rep, openedOn, null, "5411", "0212345678", "04524",
                address, KisRegStatus.NONE);
    }

    @Test
    void validSubMerchantPasses() {
        assertThat(RegistrationChecks.check(sm("2208162517", "가나다상점", "홍길동", LocalDate.of(2020, 1, 1), "서울"))).isEmpty();
        assertThat(RegistrationChecks.check(sm("1248100998", "똠방각하", "홍길동", LocalDate.of(2020, 1, 1), null))).isEmpty();
    }

    @Test
    void l101CheckDigit() {
        assertThat(code(sm("1048100056", "가게", "홍길동", LocalDate.of(2020, 1, 1), "서울"))).contains("L101");
        assertThat(code(sm("220816251", "가게", "홍길동", LocalDate.of(2020, 1, 1), "서울"))).contains("L101");
    }

    @Test
    void l102NotCp949InNameRepresentativeOrAddress() {
        assertThat(code(sm("2208162517", "가게😀", "홍길동", LocalDate.of(2020, 1, 1), "서울"))).contains("L102");
        assertThat(code(sm("2208162517", "가게", "홍길동😀", LocalDate.of(2020, 1, 1), "서울"))).contains("L102");
        assertThat(code(sm("2208162517", "가게", "홍길동", LocalDate.of(2020, 1, 1), "서울 ∯"))).contains("L102");
    }

    @Test
    void l103MissingOrBlankRequiredField() {
        assertThat(code(sm("2208162517", " ", "홍길동", LocalDate.of(2020, 1, 1), "서울"))).contains("L103");
        assertThat(code(sm("2208162517", "가게", "", LocalDate.of(2020, 1, 1), "서울"))).contains("L103");
        assertThat(code(sm("2208162517", "가게", "홍길동", null, "서울"))).contains("L103");
    }

    @Test
    void l104AValueWiderThanItsR1FieldIsRejectedNamingTheField() {
        // 25 Hangul syllables are 50 CP949 bytes: exactly the business name field; one more does not fit
        String fits = "가".repeat(25);
        assertThat(RegistrationChecks.check(sm("2208162517", fits, "홍길동", LocalDate.of(2020, 1, 1), "서울"))).isEmpty();
        Optional<LocalRejection> wide = RegistrationChecks.check(sm("2208162517", fits + "나", "홍길동",
                LocalDate.of(2020, 1, 1), "서울"));
        assertThat(wide).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo("L104");
            assertThat(r.message()).startsWith("business_name is 52 CP949 bytes, the R1 field holds 50");
        });
        // 11 syllables = 22 bytes, the representative field holds 20 (the column holds 50 characters)
        assertThat(RegistrationChecks.check(sm("2208162517", "가게", "가".repeat(11), LocalDate.of(2020, 1, 1), "서울")))
                .hasValueSatisfying(r -> assertThat(r.message()).startsWith("representative_name is 22 CP949 bytes"));
        assertThat(RegistrationChecks.check(sm("2208162517", "가게", "홍길동", LocalDate.of(2020, 1, 1), "서".repeat(51))))
                .hasValueSatisfying(r -> assertThat(r.message()).startsWith("address is 102 CP949 bytes"));
        assertThat(RegistrationChecks.check(new SubMerchantCandidate("SM1", "2208162517", "가게", "홍길동",
                LocalDate.of(2020, 1, 1), null, "5411", "0212345678", "서울시", null, KisRegStatus.NONE)))
                .hasValueSatisfying(r -> assertThat(r.message()).startsWith("postal_code is 6 CP949 bytes"));
    }

    @Test
    void l104APhoneThatIsNotDigitsOnlyIsRejected() {
        Optional<LocalRejection> dashed = RegistrationChecks.check(new SubMerchantCandidate("SM1", "2208162517", "가게",
                "홍길동", LocalDate.of(2020, 1, 1), null, "5411", "02-1234-5678", "04524", "서울", KisRegStatus.NONE));
        assertThat(dashed).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo("L104");
            assertThat(r.message()).contains("phone '02-1234-5678'");
        });
    }

    @Test
    void theEarlierCheckWinsOverL104() {
        assertThat(code(sm("1048100056", "가".repeat(30), "홍길동", LocalDate.of(2020, 1, 1), "서울"))).contains("L101");
        assertThat(code(sm("2208162517", "가".repeat(30), "", LocalDate.of(2020, 1, 1), "서울"))).contains("L103");
    }

    @Test
    void requestTypeFollowsStatus() {
        assertThat(sm("2208162517", "a", "b", LocalDate.now(), null).requestType()).isEqualTo("N");
        assertThat(new SubMerchantCandidate("S", "2208162517", "a", "b", null, null, null, null, null, null, KisRegStatus.CHANGED)
                .requestType()).isEqualTo("U");
        assertThat(new SubMerchantCandidate("S", "2208162517", "a", "b", null, null, null, null, null, null,
                KisRegStatus.CLOSE_PENDING).requestType()).isEqualTo("C");
    }

    private static Optional<String> code(SubMerchantCandidate s) {
        return RegistrationChecks.check(s).map(LocalRejection::code);
    }
}
