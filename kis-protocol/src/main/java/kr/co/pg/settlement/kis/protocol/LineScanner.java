package kr.co.pg.settlement.kis.protocol;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream at LF with a fixed buffer: memory stays bounded whatever the input (a line longer
 * than the buffer is counted and skipped, only its start is kept).
 */
final class LineScanner {

    private static final int BUFFER = 1 << 16;

    private final InputStream in;
    private final byte[] buf = new byte[BUFFER];
    private int start;
    private int end;
    private boolean eof;

    /** the current line: {@code bytes[offset .. offset+length)} without CR LF, possibly cut when {@link #tooLong} */
    byte[] bytes;
    int offset;
    int length;
    /** true length of the line in bytes (without CR LF), even when it did not fit the buffer */
    long trueLength;
    boolean endsWithLf;
    boolean endsWithCr;
    boolean tooLong;

    LineScanner(InputStream in) {
        this.in = in;
    }

    /** Advances to the next line; false at the end of the input. */
    boolean next() throws IOException {
        tooLong = false;
        int scanFrom = start;
        while (true) {
            int lf = indexOfLf(scanFrom, end);
            if (lf >= 0) {
                setLine(start, lf - start, true);
                start = lf + 1;
                return true;
            }
            if (eof) {
                if (start == end) {
                    return false;
                }
                setLine(start, end - start, false);
                start = end;
                return true;
            }
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buf.length) {
                return skipLongLine();
            }
            scanFrom = end;
            fill();
        }
    }

    private boolean skipLongLine() throws IOException {
        // keep the first bytes (for messages), count the rest up to the next LF
        long count = end;
        boolean lf = false;
        byte lastByte = buf[end - 1];
        int keep = 512;
        byte[] head = new byte[keep];
        System.arraycopy(buf, 0, head, 0, keep);
        start = 0;
        end = 0;
        while (!lf) {
            fill();
            if (end == 0 && eof) {
                break;
            }
            int i = indexOfLf(0, end);
            if (i >= 0) {
                count += i;
                if (i > 0) {
                    lastByte = buf[i - 1];
                }
                start = i + 1;
                lf = true;
            } else {
                count += end;
                if (end > 0) {
                    lastByte = buf[end - 1];
                }
                start = 0;
                end = 0;
                if (eof) {
                    break;
                }
            }
        }
        bytes = head;
        offset = 0;
        length = keep;
        endsWithLf = lf;
        endsWithCr = lf && lastByte == '\r';
        trueLength = endsWithCr ? count - 1 : count;
        tooLong = true;
        return true;
    }

    private void setLine(int from, int len, boolean lf) {
        bytes = buf;
        offset = from;
        endsWithLf = lf;
        endsWithCr = len > 0 && buf[from + len - 1] == '\r';
        length = endsWithCr ? len - 1 : len;
        trueLength = length;
    }

    private int indexOfLf(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void fill() throws IOException {
        if (eof) {
            return;
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }
}
