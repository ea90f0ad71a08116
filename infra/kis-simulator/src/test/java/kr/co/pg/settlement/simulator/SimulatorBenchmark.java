package kr.co.pg.settlement.simulator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import kr.co.pg.settlement.kis.client.KisClient;
import kr.co.pg.settlement.kis.client.UploadResult;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kis.protocol.KisFiles;
import kr.co.pg.settlement.kis.protocol.R1Record;
import kr.co.pg.settlement.kis.protocol.R2Record;
import kr.co.pg.settlement.kis.protocol.S1Record;
import kr.co.pg.settlement.kis.protocol.S2Record;
import kr.co.pg.settlement.simulator.application.Receipt;
import kr.co.pg.settlement.simulator.application.SimulatorService;
import org.springframework.context.ConfigurableApplicationContext;

import static kr.co.pg.settlement.simulator.Fixture.*;

/**
 * Not a test: a throughput benchmark of the simulator over its real HTTP API. Run with the test class path:
 * {@code java -cp ... kr.co.pg.settlement.simulator.SimulatorBenchmark [files=100] [recordsPerFile=10000] [clients=3]}.
 * Client c uploads files c, c+clients, ... in order; cross-file references (cancels of earlier approvals,
 * duplicates) point only at the same client's earlier files, so results are deterministic whatever the interleaving
 * and the printed digest compares runs.
 */
public final class SimulatorBenchmark {

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int perFile = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path state = Files.createTempDirectory("kis-sim-bench");
        ConfigurableApplicationContext app = new org.springframework.boot.builder.SpringApplicationBuilder(KisSimulatorApplication.class)
                .run("--server.port=0", "--kis.simulator.clients." + CLIENT + "=" + SECRET, "--kis.simulator.state-dir=" + state,
                        "--kis.simulator.processing-delay=0ms", "--logging.level.root=WARN");
        SimulatorService service = app.getBean(SimulatorService.class);
        LocalDate date = LocalDate.of(2026, 3, 10);
        LocalDate approvalDate = LocalDate.of(2026, 3, 5);
        try (KisClient setup = Fixture.client(app)) {
            int merchants = 200;
            List<R1Record> regs = new ArrayList<>();
            for (int m = 0; m < merchants; m++) {
                regs.add(r1(m + 1, 'N', "SM" + m, businessNo(String.format("%09d", 220_000_000 + m * 7919)),
                        LocalDate.of(2020, 1, 1), null));
            }
            UploadResult.Accepted r = (UploadResult.Accepted) setup.upload(FileType.R1, "BENCH-R1",
                    KisFiles.renderR1(header(FileType.R1, date, 1), regs)).block();
            awaitStatus(setup, r.receiptNo(), kr.co.pg.settlement.kis.client.StatusResult.ReceiptStatus.DONE);
            List<R2Record> r2 = Fixture.readAll(download(setup, r.receiptNo(), state.resolve("r2.bench")).path(), FileType.R2);
            String[] kisNo = new String[merchants];
            String[] bn = new String[merchants];
            for (int m = 0; m < merchants; m++) {
                kisNo[m] = r2.get(m).kisSubMerchantNo();
                bn[m] = regs.get(m).businessNo();
            }
            System.out.println("registered " + r2.stream().filter(x -> x.resultCode().equals("0000")).count() + " of " + merchants);

            List<Path> bodies = new ArrayList<>(); // on disk: 100 x 2 MB held in this JVM would crowd the simulator's heap
            for (int f = 0; f < files; f++) {
                List<S1Record> records = new ArrayList<>(perFile);
                for (int i = 0; i < perFile; i++) {
                    int m = (i * 31 + f) % merchants;
                    int kind = (i * 7 + f) % 20;
                    char card = (i & 1) == 0 ? 'C' : 'K';
                    long amount = 1_000 + (i * 997L + f * 13L) % 500_000;
                    if (kind == 0 && f >= clients) { // cancel of an approval of the same client's previous file
                        records.add(s1(i + 1, "T" + f + "-" + i, "SM" + m, kisNo[m], bn[m], card, 'C', approvalDate,
                                "C" + f + "-" + i, approvalDate, "A" + (f - clients) + "-" + (i + 1), -amount, "2.300"));
                    } else if (kind == 1 && f >= clients) { // duplicate of the same client's previous file
                        records.add(s1(i + 1, "T" + (f - clients) + "-" + i, "SM" + m, kisNo[m], bn[m], card, 'A',
                                approvalDate, "D" + f + "-" + i, null, null, amount, "2.300"));
                    } else if (kind == 2) { // cancel of an unknown approval: E203
                        records.add(s1(i + 1, "T" + f + "-" + i, "SM" + m, kisNo[m], bn[m], card, 'P', approvalDate,
                                "P" + f + "-" + i, approvalDate, "X" + f + "-" + i, -amount / 2, "2.300"));
                    } else {
                        records.add(s1(i + 1, "T" + f + "-" + i, "SM" + m, kisNo[m], bn[m], card, 'A', approvalDate,
                                "A" + f + "-" + i, null, null, amount, "2.300"));
                    }
                }
                bodies.add(Files.write(state.resolve("s1-" + f + ".bench"), KisFiles.renderS1(header(FileType.S1, date, 10 + f), records)));
            }
            System.out.printf("built %d S1 files of %d records (%d bytes each)%n", files, perFile, Files.size(bodies.get(0)));

            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            Map<String, Long> threadCpu0 = threadCpu(threads);
            Map<String, Integer> fileOfReceipt = new ConcurrentHashMap<>();
            List<Long> uploadMillis = java.util.Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    try (KisClient kis = Fixture.client(app)) {
                        for (int f = client; f < files; f += clients) {
                            long t0 = System.nanoTime();
                            UploadResult u = kis.upload(FileType.S1, "BENCH-S1-" + f, Files.readAllBytes(bodies.get(f))).block();
                            uploadMillis.add((System.nanoTime() - t0) / 1_000_000);
                            if (!(u instanceof UploadResult.Accepted a)) {
                                throw new IllegalStateException("upload " + f + ": " + u);
                            }
                            fileOfReceipt.put(a.receiptNo(), f);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> d : done) {
                d.get();
            }
            long uploaded = System.nanoTime();
            pool.shutdown();
            while (true) {
                boolean all = true;
                for (Receipt rc : service.receipts()) {
                    Receipt.Status s = service.status(rc);
                    if (s != Receipt.Status.DONE && s != Receipt.Status.FAILED) {
                        all = false;
                        break;
                    }
                }
                if (all) {
                    break;
                }
                Thread.onSpinWait();
                Thread.sleep(5);
            }
            long end = System.nanoTime();
            long cpu1 = os.getProcessCpuTime();
            Map<String, Long> threadCpu1 = threadCpu(threads);
            long records = (long) files * perFile;
            double seconds = (end - start) / 1e9;
            uploadMillis.sort(null);
            System.out.printf("uploads: %d in %.2f s; latency ms p50 %d, p90 %d, max %d%n", files, (uploaded - start) / 1e9,
                    uploadMillis.get(uploadMillis.size() / 2), uploadMillis.get(uploadMillis.size() * 9 / 10),
                    uploadMillis.get(uploadMillis.size() - 1));
            System.out.printf("all DONE after %.2f s: %.0f records/s; process CPU %.2f s (client included)%n", seconds,
                    records / seconds, (cpu1 - cpu0) / 1e9);
            Map<String, Long> byGroup = new TreeMap<>();
            threadCpu1.forEach((name, t) -> byGroup.merge(name.substring(0, name.lastIndexOf('#')).replaceAll("\\d+", "N"), t - threadCpu0.getOrDefault(name, 0L), Long::sum));
            byGroup.entrySet().stream().filter(e -> e.getValue() > 50_000_000L)
                    .forEach(e -> System.out.printf("  thread CPU %-40s %.2f s%n", e.getKey(), e.getValue() / 1e9));

            // results: code histogram and a digest over the data records in file order
            Map<String, Long> codes = new TreeMap<>();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Map<Integer, String> receiptOfFile = new TreeMap<>();
            fileOfReceipt.forEach((rc, f) -> receiptOfFile.put(f, rc));
            for (String rc : receiptOfFile.values()) {
                Path p = download(setup, rc, state.resolve(rc + ".bench")).path();
                for (S2Record s2 : Fixture.<S2Record>readAll(p, FileType.S2)) {
                    codes.merge(s2.resultCode(), 1L, Long::sum);
                    digest.update(s2.toString().getBytes(StandardCharsets.UTF_8));
                }
                Files.delete(p);
            }
            System.out.println("result codes " + codes + " digest " + HexFormat.of().formatHex(digest.digest()).substring(0, 16));
        } finally {
            app.close();
        }
    }

    private static Map<String, Long> threadCpu(ThreadMXBean threads) {
        Map<String, Long> m = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long t = threads.getThreadCpuTime(info.getThreadId());
                if (t > 0) {
                    m.merge(info.getThreadName() + "#" + info.getThreadId(), t, Long::sum);
                }
            }
        }
        return m;
    }

    private SimulatorBenchmark() {
    }
}
