package kr.co.pg.settlement.kis.protocol;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * CP949 text of A fields, for one reader or writer (coders are not thread-safe). ASCII-only fields, the
 * common case, never touch the charset.
 */
final class Cp949Text {

    private final CharsetDecoder decoder = Cp949.CHARSET.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharsetEncoder encoder = Cp949.CHARSET.newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

    /** Null when the bytes are valid CP949 text without control characters, else the reason. */
    String check(byte[] b, int from, int len) {
        boolean ascii = true;
        for (int i = from; i < from + len; i++) {
            int v = b[i] & 0xFF;
            if (v < 0x20 || v == 0x7F) {
                return "control character \\x" + hex(v) + " at pos " + (i - from + 1) + " of the field";
            }
            if (v >= 0x80) {
                ascii = false;
            }
        }
        if (ascii) {
            return null;
        }
        try {
            decoder.reset();
            decoder.decode(ByteBuffer.wrap(b, from, len));
            return null;
        } catch (CharacterCodingException e) {
            return "not valid CP949 text (undecodable or cut 2-byte character)";
        }
    }

    /** Text without trailing spaces; null when all spaces. Bytes must have passed {@link #check}. */
    String decode(byte[] b, int from, int len) {
        int end = from + len;
        while (end > from && b[end - 1] == ' ') {
            end--;
        }
        if (end == from) {
            return null;
        }
        boolean ascii = true;
        for (int i = from; i < end; i++) {
            if (b[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(b, from, end - from, StandardCharsets.ISO_8859_1);
        }
        return new String(b, from, end - from, Cp949.CHARSET);
    }

    /** Writes {@code value} left-aligned into the field, cut at a character boundary when too long. */
    void encodeInto(Field field, String value, byte[] buf, int offset, int len) {
        if (value == null) {
            return;
        }
        boolean ascii = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw field.fail(printable(value), "contains control character \\x" + hex(c));
            }
            if (c >= 0x80) {
                ascii = false;
            }
        }
        if (ascii) {
            int n = Math.min(len, value.length());
            for (int i = 0; i < n; i++) {
                buf[offset + i] = (byte) value.charAt(i);
            }
            return;
        }
        byte[] bytes;
        try {
            encoder.reset();
            ByteBuffer bb = encoder.encode(CharBuffer.wrap(value));
            bytes = new byte[bb.remaining()];
            bb.get(bytes);
        } catch (CharacterCodingException e) {
            throw field.fail(value, "contains a character CP949 cannot represent");
        }
        int n = boundary(bytes, len);
        System.arraycopy(bytes, 0, buf, offset, n);
    }

    /** The longest prefix length of CP949 {@code bytes} within {@code max} that ends on a character boundary. */
    static int boundary(byte[] bytes, int max) {
        int i = 0;
        while (i < bytes.length) {
            int width = (bytes[i] & 0xFF) >= 0x81 ? 2 : 1;
            if (i + width > max) {
                break;
            }
            i += width;
        }
        return Math.min(i, bytes.length);
    }

    /** Bytes for an error message: CP949 text when decodable, else printable ASCII with \xNN escapes. */
    static String display(byte[] b, int from, int len) {
        boolean plain = true;
        for (int i = from; i < from + len; i++) {
            int v = b[i] & 0xFF;
            if (v < 0x20 || v == 0x7F) {
                plain = false;
                break;
            }
        }
        if (plain) {
            try {
                return Cp949.CHARSET.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b, from, len)).toString();
            } catch (CharacterCodingException e) {
                // fall through to escapes
            }
        }
        StringBuilder sb = new StringBuilder(len + 16);
        for (int i = from; i < from + len; i++) {
            int v = b[i] & 0xFF;
            if (v >= 0x20 && v < 0x7F) {
                sb.append((char) v);
            } else {
                sb.append("\\x").append(hex(v));
            }
        }
        return sb.toString();
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                sb.append("\\x").append(hex(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String hex(int v) {
        return String.format("%02X", v);
    }
}
