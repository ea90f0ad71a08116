package kr.co.pg.settlement.simulator;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.kis.client.DownloadResult;
import kr.co.pg.settlement.kis.client.KisClient;
import kr.co.pg.settlement.kis.client.NotFound;
import kr.co.pg.settlement.kis.client.RateLimited;
import kr.co.pg.settlement.kis.client.StatusResult;
import kr.co.pg.settlement.kis.client.StatusResult.ReceiptStatus;
import kr.co.pg.settlement.kis.client.Unauthorized;
import kr.co.pg.settlement.kis.client.Unavailable;
import kr.co.pg.settlement.kis.client.UploadResult;
import kr.co.pg.settlement.kis.protocol.FeeTier;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kis.protocol.KisFileReader;
import kr.co.pg.settlement.kis.protocol.KisFiles;
import kr.co.pg.settlement.kis.protocol.R1Record;
import kr.co.pg.settlement.kis.protocol.R2Record;
import kr.co.pg.settlement.kis.protocol.ReadResult;
import kr.co.pg.settlement.kis.protocol.S1Record;
import kr.co.pg.settlement.kis.protocol.S2Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static kr.co.pg.settlement.simulator.Fixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The simulator over real HTTP, driven by the project's KisClient. Registration first, then settlement on it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KisSimulatorHttpTest {

    static final LocalDate REG_DATE = LocalDate.of(2026, 3, 10);
    static final LocalDate SETTLE_DATE = LocalDate.of(2026, 3, 11); // Wednesday -> payout Friday 13th
    static final String BN_SMALL = businessNo("220816251");
    static final String BN_GENERAL = businessNo("124810099");
    static final String BN_CLOSED = businessNo("305812345");
    static final String BN_NEW = businessNo("401234567");
    static final String BN_Z = businessNo("501234567");

    @TempDir
    static Path tmp;
    static ConfigurableApplicationContext app;
    static KisClient client;
    static WebClient admin;
    static Map<String, R2Record> registered;

    @BeforeAll
    static void start() {
        app = Fixture.start(tmp.resolve("state"), "--kis.simulator.closed-business-numbers[0]=" + BN_CLOSED);
        client = Fixture.client(app);
        admin = WebClient.create(baseUrl(app));
        admin.post().uri("/sim/registry").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(BN_SMALL, 250_000_000L, BN_GENERAL, 5_000_000_000L)).retrieve().toBodilessEntity().block();
    }

    @AfterAll
    static void stop() {
        client.close();
        app.close();
    }

    private static void faults(String json) {
        admin.post().uri("/sim/faults").contentType(MediaType.APPLICATION_JSON).bodyValue(json).retrieve()
                .toBodilessEntity().block();
    }

    @Test
    @Order(1)
    void registration_answers_every_result_code_and_tier_validity() throws Exception {
        byte[] r1 = KisFiles.renderR1(header(FileType.R1, REG_DATE, 1), List.of(
                r1(1, 'N', "SM-SMALL", BN_SMALL, LocalDate.of(2020, 1, 1), null),
                r1(2, 'N', "SM-GENERAL", BN_GENERAL, LocalDate.of(2019, 5, 1), null),
                r1(3, 'N', "SM-BADNO", "1048100056", LocalDate.of(2020, 1, 1), null),
                r1(4, 'N', "SM-CLOSED", BN_CLOSED, LocalDate.of(2020, 1, 1), null),
                r1(5, 'N', "SM-DUPLICATE", BN_SMALL, LocalDate.of(2020, 1, 1), null),
                r1(6, 'U', "SM-UNKNOWN", BN_NEW, LocalDate.of(2020, 1, 1), null),
                r1(7, 'N', "SM-NEW", BN_NEW, LocalDate.of(2026, 1, 5), null),
                r1(8, 'N', "SM-Z", BN_Z, LocalDate.of(2020, 1, 1), null),
                r1(9, 'C', "SM-Z", BN_Z, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 3, 1))));
        UploadResult up = client.upload(FileType.R1, "R1-20260310-000001", r1).block();
        assertThat(up).isInstanceOf(UploadResult.Accepted.class);
        UploadResult.Accepted a = (UploadResult.Accepted) up;
        assertThat(a.receiptNo()).matches("[A-Z0-9]{20}");
        assertThat(a.recordCount()).isEqualTo(9);
        assertThat(a.repeated()).isFalse();

        StatusResult.Found done = awaitStatus(client, a.receiptNo(), ReceiptStatus.DONE);
        assertThat(done.resultFileType()).isEqualTo(FileType.R2);
        DownloadResult.Downloaded d = download(client, a.receiptNo(), tmp.resolve("r2.dat"));
        assertThat(d.size()).isEqualTo(done.resultSize());
        ReadResult<R2Record> read = KisFileReader.read(d.path(), FileType.R2, r -> { });
        assertThat(read.errors()).isEmpty();
        assertThat(read.header().receiptNo()).isEqualTo(a.receiptNo());
        assertThat(read.header().fileDate()).isEqualTo(REG_DATE);
        assertThat(read.header().fileSeq()).isEqualTo(1);
        assertThat(read.trailer().acceptedCount()).isEqualTo(5);
        assertThat(read.trailer().rejectedCount()).isEqualTo(4);
        List<R2Record> r2 = readAll(d.path(), FileType.R2);
        assertThat(r2).extracting(R2Record::seq).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(r2).extracting(R2Record::resultCode)
                .containsExactly("0000", "0000", "E101", "E102", "E103", "E104", "0000", "0000", "0000");

        R2Record small = r2.get(0);
        assertThat(small.feeTier()).isEqualTo(FeeTier.SMALL.kisCode());
        assertThat(small.tierValidFrom()).isEqualTo(LocalDate.of(2025, 3, 10)); // file date minus one year
        assertThat(small.tierValidTo()).isEqualTo(LocalDate.of(2026, 8, 13));
        assertThat(small.kisSubMerchantNo()).matches("KIS\\d{12}");
        assertThat(r2.get(1).feeTier()).isEqualTo(FeeTier.GENERAL.kisCode());
        R2Record fresh = r2.get(6);
        int digitSum = BN_NEW.chars().map(c -> c - '0').sum();
        assertThat(fresh.feeTier()).isEqualTo(String.format("%02d", digitSum % 5 + 1));
        assertThat(fresh.tierValidFrom()).isEqualTo(LocalDate.of(2026, 1, 5)); // opened later than a year ago
        R2Record close = r2.get(8);
        assertThat(close.feeTier()).isNull();
        assertThat(close.tierValidTo()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(close.kisSubMerchantNo()).isEqualTo(r2.get(7).kisSubMerchantNo());
        assertThat(r2.get(2).feeTier()).isNull();
        assertThat(r2.get(2).kisSubMerchantNo()).isNull();

        registered = Map.of("SM-SMALL", small, "SM-GENERAL", r2.get(1), "SM-Z", r2.get(7));
        // stable KIS number per sub-merchant id: an update keeps it
        byte[] update = KisFiles.renderR1(header(FileType.R1, REG_DATE, 2),
                List.of(r1(1, 'U', "SM-SMALL", BN_SMALL, LocalDate.of(2020, 1, 1), null)));
        UploadResult.Accepted u = (UploadResult.Accepted) client.upload(FileType.R1, "R1-20260310-000002", update).block();
        awaitStatus(client, u.receiptNo(), ReceiptStatus.DONE);
        List<R2Record> again = readAll(download(client, u.receiptNo(), tmp.resolve("r2b.dat")).path(), FileType.R2);
        assertThat(again.get(0).resultCode()).isEqualTo("0000");
        assertThat(again.get(0).kisSubMerchantNo()).isEqualTo(small.kisSubMerchantNo());
    }

    static byte[] goldenS1(String txPrefix, int seqNo) {
        String kisSmall = registered.get("SM-SMALL").kisSubMerchantNo();
        String kisGeneral = registered.get("SM-GENERAL").kisSubMerchantNo();
        String kisZ = registered.get("SM-Z").kisSubMerchantNo();
        LocalDate d = LocalDate.of(2026, 3, 5);
        return KisFiles.renderS1(header(FileType.S1, SETTLE_DATE, seqNo), List.of(
                s1(1, txPrefix + "A1", "SM-SMALL", kisSmall, BN_SMALL, 'C', 'A', d, "AP000001", null, null, 10_000, "2.300"),
                s1(2, txPrefix + "C1", "SM-SMALL", kisSmall, BN_SMALL, 'C', 'C', LocalDate.of(2026, 3, 6), "AP000002", d, "AP000001", -10_047, "2.300"),
                s1(3, txPrefix + "A1", "SM-SMALL", kisSmall, BN_SMALL, 'C', 'A', d, "AP000001", null, null, 10_000, "2.300"),
                s1(4, txPrefix + "U1", "SM-X", "KIS999999999999", BN_SMALL, 'C', 'A', d, "AP000003", null, null, 10_000, "2.300"),
                s1(5, txPrefix + "P1", "SM-SMALL", kisSmall, BN_SMALL, 'C', 'P', d, "AP000004", d, "NOSUCHAP", -3_000, "2.300"),
                s1(6, txPrefix + "G1", "SM-GENERAL", kisGeneral, BN_GENERAL, 'C', 'A', d, "AP000005", null, null, 10_000, "2.300"),
                s1(7, txPrefix + "Z1", "SM-Z", kisZ, BN_Z, 'C', 'A', d, "AP000006", null, null, 10_000, "2.300"),
                s1(8, txPrefix + "K1", "SM-SMALL", kisSmall, BN_SMALL, 'K', 'A', d, "AP000007", null, null, 33_333, "1.500")));
    }

    @Test
    @Order(2)
    void settlement_upload_is_idempotent_and_answers_per_section_5() throws Exception {
        byte[] s1 = goldenS1("TX", 1);
        UploadResult.Accepted first = (UploadResult.Accepted) client.upload(FileType.S1, "S1-20260311-000001", s1).block();
        assertThat(first.repeated()).isFalse();
        assertThat(first.fileDate()).isEqualTo(SETTLE_DATE);
        assertThat(first.fileSeq()).isEqualTo(1);
        assertThat(first.status()).isEqualTo("RECEIVED");
        UploadResult again = client.upload(FileType.S1, "S1-20260311-000001", s1).block();
        assertThat(again).isEqualTo(new UploadResult.Accepted(first.receiptNo(), FileType.S1, SETTLE_DATE, 1, 8, "RECEIVED", true));

        awaitStatus(client, first.receiptNo(), ReceiptStatus.DONE);
        DownloadResult.Downloaded d = download(client, first.receiptNo(), tmp.resolve("s2.dat"));
        ReadResult<S2Record> read = KisFileReader.read(d.path(), FileType.S2, r -> { });
        assertThat(read.errors()).isEmpty();
        assertThat(read.header().receiptNo()).isEqualTo(first.receiptNo());
        List<S2Record> s2 = readAll(d.path(), FileType.S2);
        assertThat(s2).extracting(S2Record::resultCode)
                .containsExactly("0000", "0000", "E202", "E201", "E203", "E204", "E201", "0000");
        LocalDate payout = LocalDate.of(2026, 3, 13);
        assertThat(s2.get(0).differenceAmount()).isEqualTo(190);             // 10,000 x (2.3 - 0.4) / 100
        assertThat(s2.get(0).preferentialRate()).isEqualByComparingTo("0.400");
        assertThat(s2.get(0).payoutDate()).isEqualTo(payout);
        assertThat(s2.get(1).differenceAmount()).isEqualTo(-190);            // -190.893 toward zero
        assertThat(s2.get(7).differenceAmount()).isEqualTo(449);             // 33,333 x (1.5 - 0.15) / 100 = 449.99
        assertThat(s2.get(7).preferentialRate()).isEqualByComparingTo("0.150");
        assertThat(s2.get(2).differenceAmount()).isZero();
        assertThat(s2.get(2).payoutDate()).isNull();
        assertThat(s2.get(2).preferentialRate()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(read.trailer().acceptedCount()).isEqualTo(3);
        assertThat(read.trailer().rejectedCount()).isEqualTo(5);
        assertThat(read.trailer().sumOfDifferences()).isEqualTo(190 - 190 + 449);

        // always the same bytes
        DownloadResult.Downloaded d2 = download(client, first.receiptNo(), tmp.resolve("s2-again.dat"));
        assertThat(Files.readAllBytes(d2.path())).isEqualTo(Files.readAllBytes(d.path()));

        // an accepted transaction sent again in a later file: E202
        byte[] later = goldenS1("TX", 2);
        UploadResult.Accepted second = (UploadResult.Accepted) client.upload(FileType.S1, "S1-20260311-000002", later).block();
        awaitStatus(client, second.receiptNo(), ReceiptStatus.DONE);
        List<S2Record> s2b = readAll(download(client, second.receiptNo(), tmp.resolve("s2b.dat")).path(), FileType.S2);
        assertThat(s2b.get(0).resultCode()).isEqualTo("E202");

        Map<?, ?> counts = admin.get().uri("/sim/received/S1/counts").retrieve().bodyToMono(Map.class).block();
        assertThat(counts.get("TXA1")).isEqualTo(2);
    }

    @Test
    @Order(3)
    void conflicts_layout_refusals_and_authentication() throws Exception {
        byte[] s1 = goldenS1("CF", 3);
        UploadResult.Accepted ok = (UploadResult.Accepted) client.upload(FileType.S1, "S1-20260311-000003", s1).block();
        assertThat(ok.repeated()).isFalse();
        // same key, other content
        UploadResult other = client.upload(FileType.S1, "S1-20260311-000003", goldenS1("XX", 3)).block();
        assertThat(other).isInstanceOf(UploadResult.Conflict.class);
        assertThat(((UploadResult.Conflict) other).code()).isEqualTo("K409");
        // other key, same (type, date, seq)
        UploadResult sameSeq = client.upload(FileType.S1, "another-key", goldenS1("YY", 3)).block();
        assertThat(sameSeq).isInstanceOf(UploadResult.Conflict.class);
        assertThat(((UploadResult.Conflict) sameSeq).message()).contains("already accepted");

        // wrong trailer total: the trailer is line 10 (header + 8 records + trailer)
        byte[] bad = goldenS1("BT", 4);
        int trailer = bad.length - 202;
        assertThat((char) bad[trailer]).isEqualTo('T');
        bad[trailer + 23] = (byte) (bad[trailer + 23] == '9' ? '8' : bad[trailer + 23] + 1);
        UploadResult refused = client.upload(FileType.S1, "S1-20260311-000004", bad).block();
        assertThat(refused).isInstanceOf(UploadResult.LayoutRefused.class);
        assertThat(((UploadResult.LayoutRefused) refused).line()).isEqualTo(10);
        assertThat(((UploadResult.LayoutRefused) refused).code()).isEqualTo("K422");
        // nothing of it was kept: the key is still free
        assertThat(client.upload(FileType.S1, "S1-20260311-000004", goldenS1("BT", 4)).block())
                .isInstanceOf(UploadResult.Accepted.class);

        try (KisClient wrongSecret = Fixture.client(app, "not-the-secret", Clock.systemUTC());
             KisClient skewed = Fixture.client(app, SECRET, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(301)))) {
            assertThat(wrongSecret.upload(FileType.S1, "S1-20260311-000005", goldenS1("AU", 5)).block())
                    .isInstanceOf(Unauthorized.class);
            assertThat(wrongSecret.status(ok.receiptNo()).block()).isInstanceOf(Unauthorized.class);
            assertThat(skewed.status(ok.receiptNo()).block()).isInstanceOf(Unauthorized.class);
        }
        assertThat(client.status("ABCDEFGHIJ0123456789").block()).isInstanceOf(NotFound.class);
        assertThat(client.download("ABCDEFGHIJ0123456789", tmp.resolve("x")).block()).isInstanceOf(NotFound.class);
        assertThat(new String(Files.readAllBytes(Files.list(tmp.resolve("state/requests")).findFirst().orElseThrow()),
                0, 1, StandardCharsets.US_ASCII)).isEqualTo("H");
    }

    @Test
    @Order(4)
    void faults_503_429_failed_delayed() {
        faults("{\"unavailableNext\": 2}");
        assertThat(client.status("ABCDEFGHIJ0123456789").block()).isEqualTo(new Unavailable(503, ""));
        assertThat(client.status("ABCDEFGHIJ0123456789").block()).isInstanceOf(Unavailable.class);
        assertThat(client.status("ABCDEFGHIJ0123456789").block()).isInstanceOf(NotFound.class);

        faults("{\"rateLimitPerSecond\": 1, \"retryAfterSeconds\": 3}");
        List<Object> answers = List.of(client.status("ABCDEFGHIJ0123456789").block(),
                client.status("ABCDEFGHIJ0123456789").block(), client.status("ABCDEFGHIJ0123456789").block());
        assertThat(answers).contains(new RateLimited(Duration.ofSeconds(3)));
        admin.post().uri("/sim/faults/reset").retrieve().toBodilessEntity().block();

        faults("{\"failedShare\": 1.0}");
        UploadResult.Accepted failed = (UploadResult.Accepted) client.upload(FileType.S1, "S1-20260311-000006", goldenS1("FA", 6)).block();
        faults("{\"failedShare\": 0.0, \"delayedResultShare\": 1.0, \"resultDelayMillis\": 60000}");
        UploadResult.Accepted delayed = (UploadResult.Accepted) client.upload(FileType.S1, "S1-20260311-000007", goldenS1("DE", 7)).block();
        admin.post().uri("/sim/faults/reset").retrieve().toBodilessEntity().block();
        StatusResult.Found f = awaitStatus(client, failed.receiptNo(), ReceiptStatus.FAILED);
        assertThat(f.message()).contains("AGAIN");
        assertThat(client.download(failed.receiptNo(), tmp.resolve("f")).block()).isInstanceOf(DownloadResult.NotReady.class);
        awaitStatus(client, delayed.receiptNo(), ReceiptStatus.PROCESSING);
        DownloadResult notReady = client.download(delayed.receiptNo(), tmp.resolve("d")).block();
        assertThat(notReady).isEqualTo(new DownloadResult.NotReady("K410",
                "result of receipt " + delayed.receiptNo() + " is not ready: status PROCESSING"));
        assertThat(tmp.resolve("d")).doesNotExist();
    }

    @Test
    @Order(5)
    void corrupted_result_first_download_then_good_and_reduced_amounts() throws Exception {
        faults("{\"corruptedResultShare\": 1.0, \"corruptedDownloads\": 1, \"reducedDifferenceShare\": 1.0}");
        UploadResult.Accepted a = (UploadResult.Accepted) client.upload(FileType.S1, "S1-20260311-000008", goldenS1("CO", 8)).block();
        admin.post().uri("/sim/faults/reset").retrieve().toBodilessEntity().block();
        awaitStatus(client, a.receiptNo(), ReceiptStatus.DONE);

        DownloadResult.Downloaded bad = download(client, a.receiptNo(), tmp.resolve("corrupt.dat"));
        ReadResult<S2Record> refused = KisFileReader.validate(bad.path(), FileType.S2).errors().isEmpty() ? null
                : KisFileReader.read(bad.path(), FileType.S2, r -> { });
        assertThat(refused).as("the corrupted result must not validate").isNotNull();
        assertThat(refused.errors().get(0).line()).isEqualTo(10);

        DownloadResult.Downloaded good = download(client, a.receiptNo(), tmp.resolve("good.dat"));
        assertThat(good.sha256()).isNotEqualTo(bad.sha256());
        List<S2Record> s2 = readAll(good.path(), FileType.S2);
        assertThat(s2.get(0).differenceAmount()).isEqualTo(189);   // 190 reduced by 1 KRW
        assertThat(s2.get(1).differenceAmount()).isEqualTo(-191);
        assertThat(download(client, a.receiptNo(), tmp.resolve("good2.dat")).sha256()).isEqualTo(good.sha256());
    }

    @Test
    @Order(6)
    void admin_lists_files_and_r1_counts() {
        List<?> files = admin.get().uri("/sim/files").retrieve().bodyToMono(List.class).block();
        assertThat(files).hasSizeGreaterThanOrEqualTo(8);
        Map<?, ?> r1 = admin.get().uri("/sim/received/R1/counts").retrieve().bodyToMono(Map.class).block();
        assertThat(r1.get("SM-SMALL")).isEqualTo(2);
        assertThat(r1.get("SM-Z")).isEqualTo(1);
    }
}
