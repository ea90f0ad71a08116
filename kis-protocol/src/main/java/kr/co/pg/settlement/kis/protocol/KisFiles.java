package kr.co.pg.settlement.kis.protocol;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** Whole files in memory, for small files and tests; stream big files with {@link KisFileWriter}. */
public final class KisFiles {

    private KisFiles() {
    }

    public static byte[] renderR1(FileHeader header, List<R1Record> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (KisFileWriter<R1Record> w = KisFileWriter.r1(out, header)) {
            records.forEach(w::write);
            w.finish();
        }
        return out.toByteArray();
    }

    public static byte[] renderR2(FileHeader header, List<R2Record> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (KisFileWriter<R2Record> w = KisFileWriter.r2(out, header)) {
            records.forEach(w::write);
            w.finish();
        }
        return out.toByteArray();
    }

    public static byte[] renderS1(FileHeader header, List<S1Record> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (KisFileWriter<S1Record> w = KisFileWriter.s1(out, header)) {
            records.forEach(w::write);
            w.finish();
        }
        return out.toByteArray();
    }

    public static byte[] renderS2(FileHeader header, List<S2Record> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (KisFileWriter<S2Record> w = KisFileWriter.s2(out, header)) {
            records.forEach(w::write);
            w.finish();
        }
        return out.toByteArray();
    }
}
