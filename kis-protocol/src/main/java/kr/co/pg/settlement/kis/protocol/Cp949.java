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

    /** Length of {@code text} in CP949 bytes (0 for null). Unencodable characters count as one byte ('?'). */
    public static int byteLength(String text) {
        return text == null ? 0 : text.getBytes(CHARSET).length;
    }

    /**
     * The longest prefix of {@code text} that fits {@code maxBytes} CP949 bytes, cut at a character boundary
     * (never half a 2-byte character): what an A(maxBytes) field holds of it, before space padding.
     */
    public static String truncate(String text, int maxBytes) {
        if (text == null) {
            return null;
        }
        byte[] bytes = text.getBytes(CHARSET);
        if (bytes.length <= maxBytes) {
            return text;
        }
        return new String(bytes, 0, Cp949Text.boundary(bytes, maxBytes), CHARSET);
    }

    private Cp949() {
    }
}
