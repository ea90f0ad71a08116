package kr.co.pg.settlement.kis.protocol;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Streams a KIS file: the header at creation, one data record per {@link #write}, the trailer (counts and
 * control totals of what was written) at {@link #finish}. Memory use is one record, whatever the file size.
 *
 * <p>Sequences: the caller numbers records; {@link #write} refuses a record whose seq is not the next one
 * (1, 2, 3, ...), since R2/S2 echo them and the PG keys its rows by them. A record that cannot be represented
 * (amount too large, unmasked card number, code outside its set, wrong sequence, a trailer total that would
 * overflow) throws {@link RecordFormatException} naming record, field and value; nothing of it is written and
 * the writer stays usable. Text longer than its field is cut at a CP949 character boundary. I/O failures throw
 * {@link UncheckedIOException}.
 */
public final class KisFileWriter<R> implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final OutputStream out;
    private final DataLayout<R> layout;
    private final TrailerLayout trailerLayout;
    private final Cp949Text text = new Cp949Text();
    private final byte[] record;
    private final Totals totals = new Totals();
    private final Totals next = new Totals();
    private int lastSeq;
    private boolean finished;
    private boolean closed;

    private KisFileWriter(OutputStream out, FileHeader header, DataLayout<R> layout) {
        Objects.requireNonNull(out, "out");
        this.layout = layout;
        this.trailerLayout = new TrailerLayout(layout.fileType);
        this.record = new byte[layout.recordLength + 2];
        byte[] headerBytes = blank();
        try {
            new HeaderLayout(layout.fileType).format(header, headerBytes, text);
        } catch (RecordFormatException e) {
            throw e.record() == null ? e.in("header") : e;
        }
        this.out = out instanceof BufferedOutputStream ? out : new BufferedOutputStream(out, BUFFER);
        emit(headerBytes);
    }

    public static KisFileWriter<R1Record> r1(OutputStream out, FileHeader header) {
        return new KisFileWriter<>(out, header, R1Layout.INSTANCE);
    }

    public static KisFileWriter<R2Record> r2(OutputStream out, FileHeader header) {
        return new KisFileWriter<>(out, header, R2Layout.INSTANCE);
    }

    public static KisFileWriter<S1Record> s1(OutputStream out, FileHeader header) {
        return new KisFileWriter<>(out, header, S1Layout.INSTANCE);
    }

    public static KisFileWriter<S2Record> s2(OutputStream out, FileHeader header) {
        return new KisFileWriter<>(out, header, S2Layout.INSTANCE);
    }

    public FileType fileType() {
        return layout.fileType;
    }

    /** Number of data records written so far. */
    public int recordCount() {
        return (int) totals.count;
    }

    public void write(R rec) {
        Objects.requireNonNull(rec, "record");
        if (finished || closed) {
            throw new IllegalStateException("the " + layout.fileType + " file is already finished");
        }
        int seq = layout.seq(rec);
        String where = "record " + seq;
        if (seq != lastSeq + 1) {
            throw new RecordFormatException(where, DataLayout.SEQ.label(), Integer.toString(seq),
                    "sequence must be " + (lastSeq + 1) + " (consecutive from 1)");
        }
        Arrays.fill(record, 0, layout.recordLength, AsciiBytes.SPACE);
        try {
            layout.format(rec, record, text);
            next.copyFrom(totals);
            layout.accumulate(record, 0, next);
            trailerLayout.checkFits(next);
        } catch (RecordFormatException e) {
            throw e.record() == null ? e.in(where) : e.in(where + " (" + e.record() + ")");
        }
        emit(record);
        totals.copyFrom(next);
        lastSeq = seq;
    }

    /** Writes the trailer and flushes; the stream stays open until {@link #close}. */
    public void finish() {
        if (closed) {
            throw new IllegalStateException("the " + layout.fileType + " writer is closed");
        }
        if (finished) {
            return;
        }
        byte[] trailer = blank();
        trailerLayout.format(totals, trailer);
        emit(trailer);
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finished = true;
    }

    /** Closes the stream. Without {@link #finish} first, the output has no trailer and is not a valid file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] blank() {
        byte[] b = new byte[layout.recordLength + 2];
        Arrays.fill(b, AsciiBytes.SPACE);
        return b;
    }

    private void emit(byte[] bytes) {
        bytes[layout.recordLength] = '\r';
        bytes[layout.recordLength + 1] = '\n';
        try {
            out.write(bytes, 0, layout.recordLength + 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
