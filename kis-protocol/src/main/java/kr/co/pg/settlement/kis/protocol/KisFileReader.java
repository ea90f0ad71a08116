package kr.co.pg.settlement.kis.protocol;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads a KIS file: pass 1 validates the whole file, collecting every layout error (line, field with byte
 * positions, value, reason); only when there is none, pass 2 hands each data record to the handler in file
 * order. A {@link Path} is read twice as a stream, never held in memory.
 *
 * <p>Layout problems never throw, whatever the bytes: they are in {@link ReadResult#errors()}. I/O failures and
 * checked exceptions of the handler throw {@link KisReadException}; the handler's runtime exceptions propagate
 * unchanged.
 */
public final class KisFileReader {

    private KisFileReader() {
    }

    public static <R> ReadResult<R> read(Path file, FileType expectedType, RecordHandler<R> handler) {
        Objects.requireNonNull(file, "file");
        return read(() -> Files.newInputStream(file), file.toString(), expectedType, handler);
    }

    public static <R> ReadResult<R> read(byte[] content, FileType expectedType, RecordHandler<R> handler) {
        Objects.requireNonNull(content, "content");
        return read(() -> new ByteArrayInputStream(content), "byte[" + content.length + "]", expectedType, handler);
    }

    /** Pass 1 only: every layout error of the file, its header, record count and trailer. */
    public static ReadResult<Void> validate(Path file, FileType expectedType) {
        return read(file, expectedType, null);
    }

    /** Pass 1 only: every layout error of the file, its header, record count and trailer. */
    public static ReadResult<Void> validate(byte[] content, FileType expectedType) {
        return read(content, expectedType, null);
    }

    /**
     * For content that can be opened twice (a file in object storage, a blob). The source is opened once per
     * pass and each stream is closed here.
     */
    public static <R> ReadResult<R> read(StreamSource source, String name, FileType expectedType,
                                         RecordHandler<R> handler) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(expectedType, "expectedType");
        ErrorSink sink = new ErrorSink(ErrorSink.DEFAULT_CAP);
        FileValidator validator = new FileValidator(expectedType, sink);
        try (InputStream in = source.open()) {
            LineScanner scanner = new LineScanner(in);
            while (scanner.next()) {
                validator.onLine(scanner);
            }
        } catch (IOException e) {
            throw new KisReadException("cannot read " + name + ": " + e.getMessage(), e);
        }
        validator.finish();
        ReadResult<R> result = new ReadResult<>(sink.result(), validator.header(), validator.dataCount(),
                validator.trailer());
        if (result.valid() && handler != null) {
            deliver(source, name, expectedType, handler, validator.dataCount());
        }
        return result;
    }

    /** Opens a fresh stream over the same content each time it is called. */
    @FunctionalInterface
    public interface StreamSource {
        InputStream open() throws IOException;
    }

    @SuppressWarnings("unchecked")
    private static <R> void deliver(StreamSource source, String name, FileType type, RecordHandler<R> handler,
                                    int expectedCount) {
        DataLayout<?> layout = DataLayout.of(type);
        Cp949Text text = new Cp949Text();
        int line = 0;
        int delivered = 0;
        try (InputStream in = source.open()) {
            LineScanner scanner = new LineScanner(in);
            while (scanner.next()) {
                line++;
                if (scanner.length == 0 || scanner.bytes[scanner.offset] != 'D') {
                    continue;
                }
                if (scanner.tooLong || scanner.length != type.recordLength()) {
                    throw changed(name, line, null);
                }
                R record;
                try {
                    record = (R) layout.parse(scanner.bytes, scanner.offset, text);
                } catch (RuntimeException e) {
                    throw changed(name, line, e);
                }
                delivered++;
                try {
                    handler.accept(record);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new KisReadException("record handler failed on line " + line + " of " + name + ": "
                            + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new KisReadException("cannot read " + name + ": " + e.getMessage(), e);
        }
        if (delivered != expectedCount) {
            throw changed(name, line, null);
        }
    }

    private static KisReadException changed(String name, int line, Throwable cause) {
        return new KisReadException(name + " changed between validation and reading (line " + line
                + "); read it again", cause);
    }
}
