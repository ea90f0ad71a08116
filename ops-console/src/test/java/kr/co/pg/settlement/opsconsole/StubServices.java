package kr.co.pg.settlement.opsconsole;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.collector.application.DayReport;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for the collector's GET /api/reports/day/{date} and the scheduler's GET /api/schedule: answers in their
 * documented shapes (the day report is the collector's own DayReport record, written by Jackson as the collector's
 * controller does; the schedule is docs/scheduler.md's example). Any other date: 503, to see the console say so.
 */
final class StubServices {

    static final LocalDate REPORT_DATE = LocalDate.of(2026, 5, 20);

    static final String SCHEDULE = """
            {"now":"2026-11-24T07:15+09:00","zone":"Asia/Seoul","leader":true,"catchUpWindow":"PT6H",
             "jobs":[{"job":"DIFF_SETTLEMENT_REQUEST","schedule":"0 15 7 * * MON-FRI in Asia/Seoul","skipsHolidays":true,
               "nextRuns":[
                 {"at":"2026-11-25T07:15+09:00","businessDate":"2026-11-25","kickoffId":"sched:DIFF_SETTLEMENT_REQUEST:2026-11-25:0715","status":"RUN","reason":null},
                 {"at":"2026-12-25T07:15+09:00","businessDate":"2026-12-25","kickoffId":"sched:DIFF_SETTLEMENT_REQUEST:2026-12-25:0715","status":"SKIPPED_HOLIDAY","reason":"기독탄신일"}]}],
             "holidays":{"year":2026,"source":"classpath:holidays/2026.txt","days":[{"date":"2026-01-01","name":"신정"},{"date":"2026-12-25","name":"기독탄신일"}]},
             "holidayYears":[2025,2026,2027],"missingHolidayYears":[],
             "missed":[{"at":"2026-11-23T07:15+09:00","businessDate":"2026-11-23","job":"DIFF_SETTLEMENT_REQUEST","kickoffId":"sched:DIFF_SETTLEMENT_REQUEST:2026-11-23:0715"}]}
            """;

    private StubServices() {
    }

    /** Starts the stand-in on a free port; returns its base URL. Lives as long as the test JVM (System.exit ends it). */
    static String start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/reports/day/", exchange -> {
                String date = exchange.getRequestURI().getPath().substring("/api/reports/day/".length());
                if (date.equals(REPORT_DATE.toString())) {
                    answer(exchange, 200, JsonMapper.builder().build().writeValueAsString(report()));
                } else {
                    answer(exchange, 503, "{\"error\":\"down for the test\"}");
                }
            });
            server.createContext("/api/schedule", exchange -> answer(exchange, 200, SCHEDULE));
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static DayReport report() {
        return new DayReport(REPORT_DATE, LocalDateTime.of(2026, 5, 20, 9, 0),
                new DayReport.Registration(Map.of("REGISTERED", 290L, "REJECTED", 10L), Map.of("REGISTERED", 5L),
                        Map.of("L101", 1L, "E102", 2L)),
                new DayReport.Settlement(Map.of("SETTLED", 2L, "REJECTED", 1L), Map.of("N001", 4L), 3, 705, 690,
                        List.of(new DayReport.Break("T-API-SETTLED", "S1-20260520-000001", 110, 100))),
                List.of(new DayReport.FileProblem("S1-20260520-000002", "REFUSED", "422", "trailer count 3 != 4", 5, null, 4)),
                new DayReport.Stuck("PT2H", 0, 1, List.of()));
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
