package kr.co.pg.settlement.kis.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the files of src/test/resources/testdata: golden files rendered from {@link Samples} by the writer,
 * and one deliberately broken file per reader rule (a golden file with one surgical change). Run once:
 * {@code ./mvnw -o -q -pl kis-protocol exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=kr.co.pg.settlement.kis.protocol.GoldenFiles -Dexec.args=src/test/resources/testdata}.
 * GoldenFilesTest proves the checked-in bytes still equal what this produces.
 */
public final class GoldenFiles {

    static Map<String, byte[]> golden() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("r1-golden.txt", KisFiles.renderR1(Samples.header(FileType.R1), Samples.r1Records()));
        m.put("r2-golden.txt", KisFiles.renderR2(Samples.header(FileType.R2), Samples.r2Records()));
        m.put("s1-golden.txt", KisFiles.renderS1(Samples.header(FileType.S1), Samples.s1Records()));
        m.put("s2-golden.txt", KisFiles.renderS2(Samples.header(FileType.S2), Samples.s2Records()));
        m.put("r1-empty.txt", KisFiles.renderR1(Samples.header(FileType.R1), List.of()));
        m.put("r2-empty.txt", KisFiles.renderR2(Samples.header(FileType.R2), List.of()));
        m.put("s1-empty.txt", KisFiles.renderS1(Samples.header(FileType.S1), List.of()));
        m.put("s2-empty.txt", KisFiles.renderS2(Samples.header(FileType.S2), List.of()));
        return m;
    }

    static Map<String, byte[]> broken() {
        Map<String, byte[]> g = golden();
        byte[] s1 = g.get("s1-golden.txt");
        byte[] r1 = g.get("r1-golden.txt");
        byte[] r2 = g.get("r2-golden.txt");
        byte[] s2 = g.get("s2-golden.txt");
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("s1-broken-trailer-sum.txt", put(s1, 202, 5, 9, "+000000000999999"));
        m.put("s1-broken-trailer-count.txt", put(s1, 202, 5, 2, "0000004"));
        m.put("s1-broken-record-length.txt", cutByte(s1, 202, 3, 150));
        m.put("s1-broken-bare-lf.txt", removeCr(s1, 202, 2));
        m.put("s1-broken-missing-crlf.txt", Arrays.copyOf(s1, s1.length - 2));
        m.put("s1-broken-after-trailer.txt", concat(s1, "X\r\n".getBytes(StandardCharsets.US_ASCII)));
        m.put("s1-broken-no-header.txt", Arrays.copyOfRange(s1, 202, s1.length));
        m.put("s1-broken-no-trailer.txt", Arrays.copyOf(s1, s1.length - 202));
        m.put("s1-broken-two-headers.txt", concat(Arrays.copyOf(s1, 202), s1));
        m.put("s1-broken-file-code.txt", put(s1, 202, 1, 2, "S2"));
        m.put("s1-broken-header-date.txt", put(s1, 202, 1, 14, "20260230"));
        m.put("s1-broken-non-digit-amount.txt", put(s1, 202, 2, 132, "+0000000A1234"));
        m.put("s1-broken-sign.txt", put(s1, 202, 3, 132, "*"));
        m.put("s1-broken-negative-zero.txt", put(put(put(s1, 202, 2, 151, "-00000000000"), 202, 5, 25,
                "+0000000000000"), 202, 5, 25, "-0000000000000"));
        m.put("s1-broken-date.txt", put(s1, 202, 2, 78, "20261131"));
        m.put("s1-broken-time.txt", put(s1, 202, 3, 86, "246000"));
        m.put("s1-broken-sequence.txt", put(s1, 202, 4, 2, "0000004"));
        m.put("s1-broken-card-company.txt", put(s1, 202, 2, 74, "XX"));
        m.put("s1-broken-card-type.txt", put(s1, 202, 2, 76, "X"));
        m.put("s1-broken-transaction-type.txt", put(s1, 202, 3, 77, "Z"));
        m.put("s1-broken-card-number.txt", put(s1, 202, 2, 116, "5432101234569876"));
        m.put("s1-broken-filler.txt", put(s1, 202, 2, 190, "X"));
        m.put("s1-broken-cp949.txt", putBytes(s1, 202, 2, 9, new byte[] {(byte) 0xFF, (byte) 0xFE}));
        m.put("s1-broken-rate.txt", put(s1, 202, 2, 146, "2.300"));
        m.put("s1-broken-record-type.txt", put(s1, 202, 3, 1, "X"));
        m.put("s1-broken-many.txt", put(put(put(s1, 202, 2, 78, "20261399"), 202, 3, 76, "Q"), 202, 5, 2,
                "0000009"));
        m.put("s1-broken-empty.txt", new byte[0]);
        m.put("r1-broken-record-length.txt", concatLine(r1, 302, 2));
        m.put("r1-broken-request-type.txt", put(r1, 302, 3, 9, "X"));
        m.put("r1-broken-cut-hangul.txt", putBytes(r1, 302, 3, 89, new byte[] {(byte) 0xB0}));
        m.put("r1-broken-phone.txt", put(r1, 302, 2, 131, "02-1234-5678"));
        m.put("r1-broken-receipt.txt", put(r1, 302, 1, 42, "RCP20261124000000001"));
        m.put("r2-broken-fee-tier.txt", put(r2, 302, 2, 104, "09"));
        m.put("r2-broken-tier-on-rejected.txt", put(r2, 302, 3, 104, "02"));
        m.put("r2-broken-trailer-counts.txt", put(r2, 302, 5, 9, "0000003"));
        m.put("r2-broken-missing-receipt.txt", put(r2, 302, 1, 42, "                    "));
        m.put("s2-broken-trailer-sum.txt", put(s2, 202, 5, 23, "+000000000002851"));
        m.put("s2-broken-trailer-counts.txt", put(s2, 202, 5, 16, "0000000"));
        m.put("s2-broken-payout-date.txt", put(s2, 202, 2, 126, "2026112 "));
        return m;
    }

    /** Replaces bytes at {@code pos} (from 1) of {@code line} (from 1) of a file of fixed-length lines. */
    static byte[] put(byte[] file, int lineLength, int line, int pos, String ascii) {
        return putBytes(file, lineLength, line, pos, ascii.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] putBytes(byte[] file, int lineLength, int line, int pos, byte[] bytes) {
        byte[] copy = file.clone();
        System.arraycopy(bytes, 0, copy, (line - 1) * lineLength + pos - 1, bytes.length);
        return copy;
    }

    private static byte[] cutByte(byte[] file, int lineLength, int line, int pos) {
        int at = (line - 1) * lineLength + pos - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(file, 0, at);
        out.write(file, at + 1, file.length - at - 1);
        return out.toByteArray();
    }

    private static byte[] removeCr(byte[] file, int lineLength, int line) {
        return cutByte(file, lineLength, line, lineLength - 1);
    }

    /** Line {@code line} gets one extra space before its CR LF. */
    private static byte[] concatLine(byte[] file, int lineLength, int line) {
        int at = line * lineLength - 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(file, 0, at);
        out.write(' ');
        out.write(file, at, file.length - at);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/testdata");
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : golden().entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
        for (Map.Entry<String, byte[]> e : broken().entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
        System.out.println("wrote " + (golden().size() + broken().size()) + " files to " + dir.toAbsolutePath());
    }

    private GoldenFiles() {
    }
}
