package kr.co.pg.settlement.kis.protocol.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import kr.co.pg.settlement.kis.protocol.FileHeader;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kis.protocol.KisFileReader;
import kr.co.pg.settlement.kis.protocol.KisFileWriter;
import kr.co.pg.settlement.kis.protocol.ReadResult;
import kr.co.pg.settlement.kis.protocol.S1Record;

/**
 * Writes a 1,000,000-record S1 file to a temp file, reads and validates it, prints throughput and peak heap.
 * Not a test. Run with a small heap to show streaming:
 * {@code MAVEN_OPTS=-Xmx256m ./mvnw -o -q -pl kis-protocol exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=kr.co.pg.settlement.kis.protocol.bench.CodecBenchmark} (argument: record count).
 */
public final class CodecBenchmark {

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path file = Files.createTempFile("kis-s1-bench", ".txt");
        try {
            run(n, file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void run(int n, Path file) throws IOException {
        FileHeader header = new FileHeader(FileType.S1, "PG00000001", LocalDate.of(2026, 11, 24), 1,
                LocalDateTime.of(2026, 11, 24, 9, 0), null);
        System.gc();
        resetPeaks();

        long c0 = System.nanoTime();
        writeAll(n, header, OutputStream.nullOutputStream());
        long c1 = System.nanoTime();
        System.gc();
        resetPeaks();
        long t0 = System.nanoTime();
        writeAll(n, header, Files.newOutputStream(file));
        long t1 = System.nanoTime();
        long size = Files.size(file);
        long writePeak = heapPeak();

        System.gc();
        resetPeaks();
        long[] count = {0};
        long[] checksum = {0};
        long t2 = System.nanoTime();
        ReadResult<S1Record> result = KisFileReader.read(file, FileType.S1, r -> {
            count[0]++;
            checksum[0] += r.amount();
        });
        long t3 = System.nanoTime();
        long readPeak = heapPeak();

        if (!result.valid() || count[0] != n || result.trailer().sumOfAmounts() != checksum[0]) {
            throw new IllegalStateException("benchmark file did not read back: " + result.errors());
        }
        System.out.printf("records            %,d (file %,d bytes)%n", n, size);
        System.out.printf("write (codec only) %,.0f records/s (%.2f s, to a null stream)%n", n / secs(c0, c1),
                secs(c0, c1));
        System.out.printf("write              %,.0f records/s (%.2f s), peak heap %,d KiB%n", n / secs(t0, t1),
                secs(t0, t1), writePeak / 1024);
        System.out.printf("read (2 passes)    %,.0f records/s (%.2f s), peak heap %,d KiB%n", n / secs(t2, t3),
                secs(t2, t3), readPeak / 1024);
        System.out.printf("max heap           %,d MiB%n", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }


    private static void writeAll(int n, FileHeader header, OutputStream target) throws IOException {
        BigDecimal rate = new BigDecimal("2.300");
        LocalDate day = LocalDate.of(2026, 11, 23);
        try (OutputStream out = target;
             KisFileWriter<S1Record> w = KisFileWriter.s1(out, header)) {
            for (int i = 1; i <= n; i++) {
                boolean cancel = i % 10 == 0;
                long amount = cancel ? -(i % 100_000) - 1 : (i % 1_000_000) + 1000;
                w.write(new S1Record(i, "TX" + i, "SM" + (i % 5000), "KIS00000000" + (i % 5000), "1234567891",
                        "BC", 'C', cancel ? 'C' : 'A', day, LocalTime.ofSecondOfDay(i % 86_400), "A" + (i % 9_999_999),
                        cancel ? day : null, cancel ? "B1234567" : null, "123456******1234", amount, rate,
                        amount * 23 / 1000, amount * 19 / 1000));
            }
            w.finish();
        }
    }

    private static double secs(long from, long to) {
        return (to - from) / 1e9;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peak usage since the last reset. */
    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private CodecBenchmark() {
    }
}
