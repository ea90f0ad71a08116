package kr.co.pg.settlement.kis.protocol;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Function;

/** Whole files in memory, for small files and tests; stream big files with {@link KisFileWriter}. */
public final class KisFiles {

    private KisFiles() {
    }

    public static byte[] renderR1(FileHeader header, List<R1Record> records) {
        return render(out -> KisFileWriter.r1(out, header), records);
    }

    public static byte[] renderR2(FileHeader header, List<R2Record> records) {
        return render(out -> KisFileWriter.r2(out, header), records);
    }

    public static byte[] renderS1(FileHeader header, List<S1Record> records) {
        return render(out -> KisFileWriter.s1(out, header), records);
    }

    public static byte[] renderS2(FileHeader header, List<S2Record> records) {
        return render(out -> KisFileWriter.s2(out, header), records);
    }

    private static <R> byte[] render(Function<OutputStream, KisFileWriter<R>> writerOn, List<R> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (KisFileWriter<R> w = writerOn.apply(out)) {
            records.forEach(w::write);
            w.finish();
        }
        return out.toByteArray();
    }
}
