package kr.co.pg.settlement.deploy;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a tar stream entry by entry (ustar headers; PAX and GNU long names, which Jib writes for every entry).
 * Just enough for image tarballs and their layers; the JDK has no tar reader and this module needs no other.
 */
final class TarEntries {

    private static final int BLOCK = 512;

    /** Called for each regular file; content is that entry only (may be left unread). */
    interface Visitor {
        void file(String name, long size, InputStream content) throws IOException;
    }

    static void read(InputStream tar, Visitor visitor) throws IOException {
        String longName = null;
        byte[] header = new byte[BLOCK];
        while (true) {
            int read = tar.readNBytes(header, 0, BLOCK);
            if (read < BLOCK || isZero(header)) {
                return;
            }
            long size = octal(header, 124, 12);
            char type = (char) header[156];
            if (type == 'x' || type == 'L') {
                String data = new String(tar.readNBytes((int) size), StandardCharsets.UTF_8);
                skipPadding(tar, size);
                longName = type == 'L' ? data.replace("\0", "") : paxPath(data, longName);
                continue;
            }
            String name = longName != null ? longName : ustarName(header);
            longName = null;
            Bounded content = new Bounded(tar, size);
            if (type == '0' || type == '\0') {
                visitor.file(stripDotSlash(name), size, content);
            }
            content.skipRest();
            skipPadding(tar, size);
        }
    }

    private static String paxPath(String records, String previous) {
        String path = previous;
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                path = record.substring(space + 1 + "path=".length());
            }
        }
        return path;
    }

    private static String ustarName(byte[] header) {
        String name = cString(header, 0, 100);
        String prefix = cString(header, 345, 155);
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String stripDotSlash(String name) {
        return name.startsWith("./") ? name.substring(2) : name;
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] bytes, int offset, int length) {
        String digits = cString(bytes, offset, length).trim();
        return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static void skipPadding(InputStream tar, long size) throws IOException {
        long padding = (BLOCK - size % BLOCK) % BLOCK;
        tar.skipNBytes(padding);
    }

    /** One entry's bytes of the enclosing stream; closing it does not close the tar. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long remaining;

        Bounded(InputStream in, long size) {
            this.in = in;
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw new EOFException("tar entry truncated, " + remaining + " bytes missing");
            }
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (n < 0) {
                throw new EOFException("tar entry truncated, " + remaining + " bytes missing");
            }
            remaining -= n;
            return n;
        }

        void skipRest() throws IOException {
            in.skipNBytes(remaining);
            remaining = 0;
        }

        @Override
        public void close() {
            // the enclosing tar stays open
        }
    }

    private TarEntries() {
    }
}
