package kr.co.pg.settlement.kis.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FieldCheckTest {

    private final Cp949Text text = new Cp949Text();

    private String reason(Field f, String bytes) {
        return FieldCheck.reason(f, ("x" + bytes).getBytes(StandardCharsets.US_ASCII), 0, text);
    }

    @Test
    void signedAmountsNeedASignAndAPositiveZero() {
        Field amount = Field.s("amount", 2, 5);

        assertThat(reason(amount, "+0012")).isNull();
        assertThat(reason(amount, "-0012")).isNull();
        assertThat(reason(amount, "00012")).contains("sign byte must be '+' or '-'");
        assertThat(reason(amount, "+00 2")).contains("digits expected after the sign");
        assertThat(reason(amount, "-0000")).isEqualTo("zero must carry the sign '+'");
    }

    @Test
    void optionalDatesMayBeSpacesRequiredOnesMayNot() {
        assertThat(reason(Field.optionalDate("closedOn", 2), "        ")).isNull();
        assertThat(reason(Field.date("openedOn", 2), "        ")).isEqualTo("not a calendar date YYYYMMDD");
        assertThat(reason(Field.dateTime("createdAt", 2), "20240229235960"))
                .isEqualTo("not a date-time YYYYMMDDHHMMSS");
    }

    @Test
    void codesNameTheirSetWithSpacesSpelledOut() {
        Field tier = Field.code("feeTier", 2, 2, "  ", "01");

        assertThat(reason(tier, "  ")).isNull();
        assertThat(reason(tier, "01")).isNull();
        assertThat(reason(tier, "02")).isEqualTo("not one of spaces, 01");
        assertThat(reason(Field.n("seq", 2, 3), "1a3")).isEqualTo("not digits (N(3))");
    }
}
