package kr.co.pg.settlement.ops.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.collector.application.DayReport;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.ops.OpsTestSupport;
import kr.co.pg.settlement.ops.OpsTestSupport.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The report command against a stand-in collector serving a day report the way the collector's controller does. */
class ReportCommandTest {

    private static final DayReport REPORT = new DayReport(LocalDate.of(2025, 2, 17), LocalDateTime.of(2025, 2, 17, 9, 0),
            new DayReport.Registration(Map.of("REGISTERED", 297L, "REJECTED", 3L), Map.of("REGISTERED", 297L),
                    Map.of("L101", 1L)),
            new DayReport.Settlement(Map.of("SETTLED", 25000L), Map.of("N001", 120L), 40L, 1_234_567L, 1_234_500L,
                    List.of(new DayReport.Break("T001", "S1-20250217-000001", 190L, 180L))),
            List.of(), new DayReport.Stuck("PT2H", 0L, 0L, List.of()));
    private static HttpServer collector;
    private static final String[] lastPath = new String[1];
    private static final String EXPECTED_AUTHORIZATION = "Basic " + Base64.getEncoder().encodeToString(
            "ops:an-ops-management-password".getBytes(StandardCharsets.UTF_8));

    @BeforeAll
    static void startCollector() throws Exception {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/api/reports/day/", exchange -> {
            lastPath[0] = exchange.getRequestURI().getPath();
            byte[] body = EventJson.write(REPORT);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        // as the collector does: the day report only with the management credential
        collector.createContext("/secured/api/reports/day/", exchange -> {
            boolean authorized = EXPECTED_AUTHORIZATION.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = authorized ? EventJson.write(REPORT) : new byte[0];
            exchange.sendResponseHeaders(authorized ? 200 : 401, authorized ? body.length : -1);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        collector.start();
    }

    @AfterAll
    static void stop() {
        collector.stop(0);
    }

    private static Map<String, String> env() {
        return Map.of("COLLECTOR_URL", "http://127.0.0.1:" + collector.getAddress().getPort() + "/");
    }

    @Test
    void printsTheDayReportAsText() {
        Run run = OpsTestSupport.run(env(), "report", "--date", "2025-02-17");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(lastPath[0]).isEqualTo("/api/reports/day/2025-02-17");
        assertThat(run.out()).isEqualTo(REPORT.toText());
    }

    @Test
    void printsTheCollectorsJson() {
        Run run = OpsTestSupport.run(env(), "report", "--date", "2025-02-17", "--json");

        assertThat(run.code()).isZero();
        assertThat(run.out().strip()).isEqualTo(new String(EventJson.write(REPORT), StandardCharsets.UTF_8));
    }

    @Test
    void sendsTheManagementCredentialFromTheEnvironment() {
        String securedUrl = "http://127.0.0.1:" + collector.getAddress().getPort() + "/secured";
        Run run = OpsTestSupport.run(Map.of("COLLECTOR_URL", securedUrl, "SETTLEMENT_MANAGEMENT_USER", "ops",
                "SETTLEMENT_MANAGEMENT_PASSWORD", "an-ops-management-password"), "report", "--date", "2025-02-17");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(REPORT.toText());

        Run without = OpsTestSupport.run(Map.of("COLLECTOR_URL", securedUrl), "report", "--date", "2025-02-17");
        assertThat(without.code()).isEqualTo(1);
        assertThat(without.err()).contains("HTTP 401", "set SETTLEMENT_MANAGEMENT_USER and SETTLEMENT_MANAGEMENT_PASSWORD");
    }

    @Test
    void anUnreachableCollectorIsOneLineAndExitOne() {
        Run run = OpsTestSupport.run(Map.of("COLLECTOR_URL", "http://127.0.0.1:1"), "report", "--date", "2025-02-17");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("settlement: collector at http://127.0.0.1:1 unreachable");
    }
}
