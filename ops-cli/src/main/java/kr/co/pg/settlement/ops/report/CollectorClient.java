package kr.co.pg.settlement.ops.report;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import kr.co.pg.settlement.ops.OpsException;

/** The collector's HTTP API: the day report (GET /api/reports/day/{date}, JSON). */
final class CollectorClient {

    private final String baseUrl;
    private final Optional<String> authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code authorization}: HTTP Basic of the management credential, which the day report requires. */
    CollectorClient(String baseUrl, Optional<String> authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    String dayReportJson(LocalDate businessDate) {
        URI uri = URI.create(baseUrl + "/api/reports/day/" + businessDate);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json");
            authorization.ifPresent(value -> request.header("Authorization", value));
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() == 401) {
                throw new OpsException("day report from " + uri + ": HTTP 401, the collector wants its management credential: "
                        + (authorization.isPresent() ? "check" : "set") + " SETTLEMENT_MANAGEMENT_USER and"
                        + " SETTLEMENT_MANAGEMENT_PASSWORD (or --management-password-file)");
            }
            if (r.statusCode() != 200) {
                throw new OpsException("day report from " + uri + ": HTTP " + r.statusCode() + " " + abbreviate(r.body()));
            }
            return r.body();
        } catch (IOException e) {
            throw new OpsException("collector at " + baseUrl + " unreachable (" + e + "): is it running? set COLLECTOR_URL"
                    + " or --collector-url", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpsException("interrupted", e);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
