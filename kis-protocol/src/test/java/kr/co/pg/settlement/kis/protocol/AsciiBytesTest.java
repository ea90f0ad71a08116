package kr.co.pg.settlement.kis.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AsciiBytesTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void readsAndWritesZeroPaddedDigitsInPlace() {
        byte[] buf = ascii("[       ]");
        AsciiBytes.writeDigits(buf, 1, 7, 4321);

        assertThat(new String(buf, StandardCharsets.US_ASCII)).isEqualTo("[0004321]");
        assertThat(AsciiBytes.digits(buf, 1, 7)).isEqualTo(4321);
        assertThat(AsciiBytes.allDigits(buf, 1, 7)).isTrue();
        assertThat(AsciiBytes.allDigits(buf, 0, 7)).isFalse();
    }

    @Test
    void tellsSpacesAndExactTextWithinTheRangeOnly() {
        byte[] b = ascii("AB   CD");

        assertThat(AsciiBytes.allSpaces(b, 2, 3)).isTrue();
        assertThat(AsciiBytes.allSpaces(b, 1, 3)).isFalse();
        assertThat(AsciiBytes.same(b, 5, "CD")).isTrue();
        assertThat(AsciiBytes.same(b, 0, "AC")).isFalse();
    }
}
