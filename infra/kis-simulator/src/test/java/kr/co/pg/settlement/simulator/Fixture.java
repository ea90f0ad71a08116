package kr.co.pg.settlement.simulator;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import kr.co.pg.settlement.kis.client.DownloadResult;
import kr.co.pg.settlement.kis.client.KisClient;
import kr.co.pg.settlement.kis.client.KisClientConfig;
import kr.co.pg.settlement.kis.client.StatusResult;
import kr.co.pg.settlement.kis.protocol.BusinessNumber;
import kr.co.pg.settlement.kis.protocol.FileHeader;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.kis.protocol.KisFileReader;
import kr.co.pg.settlement.kis.protocol.R1Record;
import kr.co.pg.settlement.kis.protocol.ReadResult;
import kr.co.pg.settlement.kis.protocol.S1Record;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Starts real simulators on random ports and builds request files. */
final class Fixture {

    static final String CLIENT = "PG00000001";
    static final String SECRET = "test-secret-not-for-production";

    static ConfigurableApplicationContext start(Path stateDir, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--kis.simulator.clients." + CLIENT + "=" + SECRET,
                "--kis.simulator.state-dir=" + stateDir, "--kis.simulator.processing-delay=300ms",
                "--logging.level.root=WARN", "--logging.level.kr.co.pg.settlement.simulator=INFO"));
        for (String e : extra) {
            // a repeated command-line property would be bound as a list: the extra one replaces the default
            args.removeIf(a -> a.contains("=") && a.substring(0, a.indexOf('=')).equals(e.substring(0, Math.max(0, e.indexOf('=')))));
        }
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(KisSimulatorApplication.class).run(args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext ctx) {
        return ctx.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    static String baseUrl(ConfigurableApplicationContext ctx) {
        return "http://localhost:" + port(ctx);
    }

    static KisClient client(ConfigurableApplicationContext ctx, String secret, Clock clock) {
        return new KisClient(new KisClientConfig(baseUrl(ctx), CLIENT, secret, Duration.ofSeconds(2), Duration.ofSeconds(10),
                Duration.ofSeconds(10), 1 << 20), clock);
    }

    static KisClient client(ConfigurableApplicationContext ctx) {
        return client(ctx, SECRET, Clock.systemUTC());
    }

    /** A valid business registration number from a 9-digit prefix. */
    static String businessNo(String prefix9) {
        for (int d = 0; d < 10; d++) {
            String candidate = prefix9 + d;
            if (BusinessNumber.isValid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(prefix9);
    }

    static FileHeader header(FileType type, LocalDate fileDate, int seq) {
        return new FileHeader(type, CLIENT, fileDate, seq, fileDate.atTime(6, 15), null);
    }

    static R1Record r1(int seq, char type, String id, String businessNo, LocalDate openedOn, LocalDate closedOn) {
        return new R1Record(seq, type, id, businessNo, "상호 " + id, "대표자", openedOn, closedOn, "54110",
                "0212345678", "04524", "서울특별시 중구 세종대로 110");
    }

    static S1Record s1(int seq, String txId, String subMerchantId, String kisNo, String businessNo, char cardType,
                       char txType, LocalDate date, String approvalNo, LocalDate origDate, String origNo, long amount,
                       String appliedRate) {
        BigDecimal rate = new BigDecimal(appliedRate);
        long fee = BigDecimal.valueOf(amount).multiply(rate).divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.DOWN).longValue();
        return new S1Record(seq, txId, subMerchantId, kisNo, businessNo, "KB", cardType, txType, date, LocalTime.of(12, 30),
                approvalNo, origDate, origNo, "123456******1234", amount, rate, fee, 0L);
    }

    static StatusResult.Found awaitStatus(KisClient client, String receiptNo, StatusResult.ReceiptStatus status) {
        StatusResult.Found[] found = new StatusResult.Found[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            StatusResult s = client.status(receiptNo).block();
            assertThat(s).isInstanceOf(StatusResult.Found.class);
            assertThat(((StatusResult.Found) s).status()).isEqualTo(status);
            found[0] = (StatusResult.Found) s;
        });
        return found[0];
    }

    static DownloadResult.Downloaded download(KisClient client, String receiptNo, Path target) {
        DownloadResult d = client.download(receiptNo, target).block();
        assertThat(d).isInstanceOf(DownloadResult.Downloaded.class);
        return (DownloadResult.Downloaded) d;
    }

    static <R> List<R> readAll(Path file, FileType type) {
        List<R> out = new ArrayList<>();
        ReadResult<R> r = KisFileReader.read(file, type, out::add);
        assertThat(r.errors()).isEmpty();
        return out;
    }

    static LocalDateTime now() {
        return LocalDateTime.now();
    }

    private Fixture() {
    }
}
