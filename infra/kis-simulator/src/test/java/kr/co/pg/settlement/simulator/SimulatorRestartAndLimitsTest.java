package kr.co.pg.settlement.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kr.co.pg.settlement.kis.client.KisClient;
import kr.co.pg.settlement.kis.client.StatusResult.ReceiptStatus;
import kr.co.pg.settlement.kis.client.UploadResult;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kis.protocol.KisFiles;
import kr.co.pg.settlement.kis.protocol.R1Record;
import kr.co.pg.settlement.kis.protocol.R2Record;
import kr.co.pg.settlement.kis.protocol.S1Record;
import kr.co.pg.settlement.kis.protocol.S2Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import static kr.co.pg.settlement.simulator.Fixture.*;
import static org.assertj.core.api.Assertions.assertThat;

class SimulatorRestartAndLimitsTest {

    @TempDir
    Path tmp;

    @Test
    void state_survives_a_restart_receipts_results_registrations_and_accepted_transactions() throws Exception {
        Path state = tmp.resolve("state");
        LocalDate date = LocalDate.of(2026, 3, 10);
        String bn = businessNo("124810099");
        String receiptNo;
        String kisNo;
        byte[] resultBytes;
        ConfigurableApplicationContext app = Fixture.start(state);
        try (KisClient client = Fixture.client(app)) {
            UploadResult.Accepted a = (UploadResult.Accepted) client.upload(FileType.R1, "R1-A",
                    KisFiles.renderR1(header(FileType.R1, date, 1), List.of(r1(1, 'N', "SM-1", bn, LocalDate.of(2020, 1, 1), null)))).block();
            receiptNo = a.receiptNo();
            awaitStatus(client, receiptNo, ReceiptStatus.DONE);
            Path r2 = download(client, receiptNo, tmp.resolve("before.dat")).path();
            resultBytes = Files.readAllBytes(r2);
            kisNo = Fixture.<R2Record>readAll(r2, FileType.R2).get(0).kisSubMerchantNo();
        } finally {
            app.close();
        }

        app = Fixture.start(state);
        try (KisClient client = Fixture.client(app)) {
            assertThat(awaitStatus(client, receiptNo, ReceiptStatus.DONE).resultSize()).isEqualTo(resultBytes.length);
            assertThat(Files.readAllBytes(download(client, receiptNo, tmp.resolve("after.dat")).path())).isEqualTo(resultBytes);
            // the same key and bytes still answer 200 with the first receipt
            UploadResult again = client.upload(FileType.R1, "R1-A",
                    KisFiles.renderR1(header(FileType.R1, date, 1), List.of(r1(1, 'N', "SM-1", bn, LocalDate.of(2020, 1, 1), null)))).block();
            assertThat(((UploadResult.Accepted) again).receiptNo()).isEqualTo(receiptNo);
            assertThat(((UploadResult.Accepted) again).repeated()).isTrue();
            // the registration is remembered: a settlement on it is accepted
            S1Record tx = s1(1, "TX-R1", "SM-1", kisNo, bn, 'C', 'A', LocalDate.of(2026, 3, 5), "AP1", null, null, 10_000, "2.300");
            UploadResult.Accepted s = (UploadResult.Accepted) client.upload(FileType.S1, "S1-A",
                    KisFiles.renderS1(header(FileType.S1, date, 1), List.of(tx))).block();
            awaitStatus(client, s.receiptNo(), ReceiptStatus.DONE);
            assertThat(Fixture.<S2Record>readAll(download(client, s.receiptNo(), tmp.resolve("s2.dat")).path(), FileType.S2).get(0).resultCode())
                    .isEqualTo("0000");
        } finally {
            app.close();
        }

        app = Fixture.start(state);
        try (KisClient client = Fixture.client(app)) {
            S1Record tx = s1(1, "TX-R1", "SM-1", kisNo, bn, 'C', 'A', LocalDate.of(2026, 3, 5), "AP1", null, null, 10_000, "2.300");
            UploadResult.Accepted s = (UploadResult.Accepted) client.upload(FileType.S1, "S1-B",
                    KisFiles.renderS1(header(FileType.S1, date, 2), List.of(tx))).block();
            awaitStatus(client, s.receiptNo(), ReceiptStatus.DONE);
            assertThat(Fixture.<S2Record>readAll(download(client, s.receiptNo(), tmp.resolve("s2b.dat")).path(), FileType.S2).get(0).resultCode())
                    .as("accepted transaction ids survive a restart").isEqualTo("E202");
        } finally {
            app.close();
        }
    }

    @Test
    void body_over_the_limit_is_413_and_a_100000_record_file_is_processed_fast() {
        ConfigurableApplicationContext app = Fixture.start(tmp.resolve("big"), "--kis.simulator.max-upload-bytes=30000000");
        try (KisClient client = Fixture.client(app)) {
            LocalDate date = LocalDate.of(2026, 3, 10);
            int n = 100_000;
            String bn = businessNo("124810099");
            List<R1Record> regs = List.of(r1(1, 'N', "SM-BIG", bn, LocalDate.of(2020, 1, 1), null));
            UploadResult.Accepted r = (UploadResult.Accepted) client.upload(FileType.R1, "R1-BIG", KisFiles.renderR1(header(FileType.R1, date, 1), regs)).block();
            awaitStatus(client, r.receiptNo(), ReceiptStatus.DONE);
            String kisNo = Fixture.<R2Record>readAll(download(client, r.receiptNo(), tmp.resolve("r2.dat")).path(), FileType.R2).get(0).kisSubMerchantNo();

            List<S1Record> records = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                records.add(s1(i, "TX" + i, "SM-BIG", kisNo, bn, 'C', 'A', LocalDate.of(2026, 3, 5), String.format("A%07d", i),
                        null, null, 10_000 + i, "2.300"));
            }
            byte[] body = KisFiles.renderS1(header(FileType.S1, date, 1), records);
            long start = System.nanoTime();
            UploadResult.Accepted s = (UploadResult.Accepted) client.upload(FileType.S1, "S1-BIG", body).block();
            awaitStatus(client, s.receiptNo(), ReceiptStatus.DONE);
            long millis = (System.nanoTime() - start) / 1_000_000;
            Path s2 = download(client, s.receiptNo(), tmp.resolve("s2.dat")).path();
            List<S2Record> results = Fixture.readAll(s2, FileType.S2);
            assertThat(results).hasSize(n).allMatch(x -> x.resultCode().equals("0000"));
            System.out.println("THROUGHPUT: upload + validate + process + DONE of " + n + " S1 records ("
                    + body.length + " bytes) in " + millis + " ms (processing delay 300 ms included)");

            byte[] tooBig = new byte[30_000_001];
            assertThat(client.upload(FileType.S1, "S1-HUGE", tooBig).block()).isInstanceOf(UploadResult.TooLarge.class);
        } finally {
            app.close();
        }
    }
}
