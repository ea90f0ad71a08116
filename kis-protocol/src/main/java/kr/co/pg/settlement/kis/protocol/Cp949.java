package kr.co.pg.settlement.kis.protocol;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;

/** The files' encoding. Fixed-width text is measured in these bytes, never in Java chars. */
public final class Cp949 {

    public static final Charset CHARSET = Charset.forName("x-windows-949");

    /** True when every character of {@code text} can be written in CP949 (the collector's L102 check). */
    public static boolean canEncode(String text) {
        if (text == null) {
            return true;
        }
        CharsetEncoder encoder = CHARSET.newEncoder();
        return encoder.canEncode(text);
    }

    private Cp949() {
    }
}
