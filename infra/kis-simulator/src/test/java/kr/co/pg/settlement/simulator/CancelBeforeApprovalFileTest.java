package kr.co.pg.settlement.simulator;

import static kr.co.pg.settlement.simulator.Fixture.awaitStatus;
import static kr.co.pg.settlement.simulator.Fixture.download;
import static kr.co.pg.settlement.simulator.Fixture.header;
import static kr.co.pg.settlement.simulator.Fixture.r1;
import static kr.co.pg.settlement.simulator.Fixture.readAll;
import static kr.co.pg.settlement.simulator.Fixture.s1;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import kr.co.pg.settlement.kis.client.KisClient;
import kr.co.pg.settlement.kis.client.StatusResult.ReceiptStatus;
import kr.co.pg.settlement.kis.client.UploadResult;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kis.protocol.KisFiles;
import kr.co.pg.settlement.kis.protocol.R2Record;
import kr.co.pg.settlement.kis.protocol.S2Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The gateway uploads files in parallel, so the file holding a cancel may reach KIS before the file holding its
 * approval. KIS knows approvals from the card companies, not from our file order: the simulator starts processing
 * a file when it shows PROCESSING (half the processing delay) and counts every approval of the files it has
 * accepted by then, so such a cancel is accepted; a cancel of an approval KIS never received is still E203.
 */
class CancelBeforeApprovalFileTest {

    @TempDir
    Path tmp;

    @Test
    void aCancelWhoseApprovalArrivesInTheNextFileIsAccepted() throws Exception {
        // a long delay: the second upload surely lands before the first file is processed
        ConfigurableApplicationContext app = Fixture.start(tmp.resolve("state"), "--kis.simulator.processing-delay=4s");
        try (KisClient client = Fixture.client(app)) {
            String bn = smallTierBusinessNo();
            LocalDate day = LocalDate.of(2026, 3, 20);
            UploadResult.Accepted reg = (UploadResult.Accepted) client.upload(FileType.R1, "R1-20260320-000001",
                    KisFiles.renderR1(header(FileType.R1, day, 1),
                            List.of(r1(1, 'N', "SM-ORDER", bn, LocalDate.of(2020, 1, 1), null)))).block();
            awaitStatus(client, reg.receiptNo(), ReceiptStatus.DONE);
            List<R2Record> r2 = readAll(download(client, reg.receiptNo(), tmp.resolve("r2.dat")).path(), FileType.R2);
            String kisNo = r2.get(0).kisSubMerchantNo();
            LocalDate approvedOn = LocalDate.of(2026, 3, 18);
            LocalDate cancelledOn = LocalDate.of(2026, 3, 19);
            byte[] cancels = KisFiles.renderS1(header(FileType.S1, day, 1), List.of(
                    s1(1, "ORD-C1", "SM-ORDER", kisNo, bn, 'C', 'C', cancelledOn, "AP900002", approvedOn, "AP900001",
                            -10_000, "2.300"),
                    s1(2, "ORD-C2", "SM-ORDER", kisNo, bn, 'C', 'C', cancelledOn, "AP900003", approvedOn, "AP999999",
                            -10_000, "2.300")));
            byte[] approvals = KisFiles.renderS1(header(FileType.S1, day, 2), List.of(
                    s1(1, "ORD-A1", "SM-ORDER", kisNo, bn, 'C', 'A', approvedOn, "AP900001", null, null, 10_000, "2.300")));

            UploadResult.Accepted c = (UploadResult.Accepted) client.upload(FileType.S1, "S1-20260320-000001", cancels).block();
            UploadResult.Accepted a = (UploadResult.Accepted) client.upload(FileType.S1, "S1-20260320-000002", approvals).block();
            awaitStatus(client, c.receiptNo(), ReceiptStatus.DONE);
            awaitStatus(client, a.receiptNo(), ReceiptStatus.DONE);

            List<S2Record> cancelResults = readAll(download(client, c.receiptNo(), tmp.resolve("c.dat")).path(), FileType.S2);
            List<S2Record> approvalResults = readAll(download(client, a.receiptNo(), tmp.resolve("a.dat")).path(), FileType.S2);
            assertThat(cancelResults).extracting(S2Record::resultCode).containsExactly("0000", "E203");
            assertThat(approvalResults).extracting(S2Record::resultCode).containsExactly("0000");
        } finally {
            app.close();
        }
    }

    /** Not in the simulator's sales registry: tier = (digit sum mod 5) + 1, so a digit sum divisible by 5 is SMALL. */
    private static String smallTierBusinessNo() {
        for (int prefix = 123450000; ; prefix++) {
            String bn = Fixture.businessNo(String.valueOf(prefix));
            if (bn.chars().map(ch -> ch - '0').sum() % 5 == 0) {
                return bn;
            }
        }
    }
}
