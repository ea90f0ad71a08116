package kr.co.pg.settlement.opsconsole.adapter.out.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import kr.co.pg.settlement.opsconsole.application.ServiceEndpoints;
import kr.co.pg.settlement.opsconsole.application.ServiceUnavailable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The collector's day report and the scheduler's schedule, fetched as JSON (COLLECTOR_URL, SCHEDULER_URL) with the
 * services' management credential (SETTLEMENT_MANAGEMENT_USER, SETTLEMENT_MANAGEMENT_PASSWORD).
 */
@Component
class HttpServiceEndpoints implements ServiceEndpoints {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String collectorUrl;
    private final String schedulerUrl;
    private final String authorization;

    HttpServiceEndpoints(@Value("${ops.collector-url:}") String collectorUrl,
                         @Value("${ops.scheduler-url:}") String schedulerUrl,
                         @Value("${ops.management-user:}") String managementUser,
                         @Value("${ops.management-password:}") String managementPassword) {
        this.collectorUrl = trim(collectorUrl);
        this.schedulerUrl = trim(schedulerUrl);
        this.authorization = managementUser.isBlank() || managementPassword.isEmpty() ? null : "Basic "
                + Base64.getEncoder().encodeToString((managementUser.strip() + ":" + managementPassword)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String dayReport(LocalDate businessDate) {
        return get("collector", "COLLECTOR_URL", collectorUrl, "/api/reports/day/" + businessDate);
    }

    @Override
    public String schedule(int runs) {
        return get("scheduler", "SCHEDULER_URL", schedulerUrl, "/api/schedule?runs=" + runs);
    }

    private String get(String service, String setting, String base, String path) {
        if (base.isEmpty()) {
            throw new ServiceUnavailable(service + " not configured: set " + setting);
        }
        String url = base + path;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 401) {
                throw new ServiceUnavailable(service + " answered 401 to GET " + url + ": "
                        + (authorization == null ? "set" : "check") + " SETTLEMENT_MANAGEMENT_USER and SETTLEMENT_MANAGEMENT_PASSWORD");
            }
            if (response.statusCode() != 200) {
                throw new ServiceUnavailable(service + " answered " + response.statusCode() + " to GET " + url);
            }
            return response.body();
        } catch (IOException e) {
            throw new ServiceUnavailable(service + " unreachable at " + url + ": " + e
                    + " (is it running? check " + setting + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable("interrupted while calling the " + service);
        }
    }

    private static String trim(String url) {
        String u = url == null ? "" : url.strip();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
