package kr.co.pg.settlement.collector.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistrationChecksTest {

    static SubMerchantCandidate sm(String businessNo, String name, String rep, LocalDate openedOn, String address) {
        return new SubMerchantCandidate("SM1", businessNo, name, rep, openedOn, null, "5411", "0212345678", "04524",
                address, "NONE");
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
    void requestTypeFollowsStatus() {
        assertThat(sm("2208162517", "a", "b", LocalDate.now(), null).requestType()).isEqualTo("N");
        assertThat(new SubMerchantCandidate("S", "2208162517", "a", "b", null, null, null, null, null, null, "CHANGED")
                .requestType()).isEqualTo("U");
        assertThat(new SubMerchantCandidate("S", "2208162517", "a", "b", null, null, null, null, null, null,
                "CLOSE_PENDING").requestType()).isEqualTo("C");
    }

    private static Optional<String> code(SubMerchantCandidate s) {
        return RegistrationChecks.check(s).map(LocalRejection::code);
    }
}
