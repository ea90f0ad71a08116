package kr.co.pg.settlement.kis.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

final class TestData {

    static byte[] bytes(String name) {
        try (InputStream in = TestData.class.getResourceAsStream("/testdata/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <R> List<R> readAll(byte[] bytes, FileType type) {
        List<R> out = new ArrayList<>();
        ReadResult<R> result = KisFileReader.read(bytes, type, out::add);
        if (!result.valid()) {
            throw new AssertionError("unexpected layout errors: " + result.errors());
        }
        return out;
    }

    static String ascii(byte[] file, int lineLength, int line, int pos, int len) {
        return new String(file, (line - 1) * lineLength + pos - 1, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private TestData() {
    }
}
