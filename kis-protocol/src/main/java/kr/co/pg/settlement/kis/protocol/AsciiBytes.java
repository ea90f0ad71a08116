package kr.co.pg.settlement.kis.protocol;

/**
 * Digits and spaces of fixed-width records, read and written straight in the byte array: numbers never go
 * through an intermediate String (the reader and writer handle millions of fields a day).
 */
final class AsciiBytes {

    static final byte SPACE = ' ';

    private AsciiBytes() {
    }

    static boolean allDigits(byte[] b, int from, int len) {
        for (int i = from; i < from + len; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean allSpaces(byte[] b, int from, int len) {
        for (int i = from; i < from + len; i++) {
            if (b[i] != SPACE) {
                return false;
            }
        }
        return true;
    }

    /** The value of {@code len} ASCII digits (checked by the caller). */
    static long digits(byte[] b, int from, int len) {
        long v = 0;
        for (int i = from; i < from + len; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    /** Writes {@code value} (not negative) as exactly {@code len} digits, zero-padded on the left. */
    static void writeDigits(byte[] buf, int from, int len, long value) {
        long v = value;
        for (int i = from + len - 1; i >= from; i--) {
            buf[i] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
    }

    /** True when the bytes are exactly the ASCII characters of {@code ascii}. */
    static boolean same(byte[] b, int from, String ascii) {
        for (int k = 0; k < ascii.length(); k++) {
            if (b[from + k] != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
