package kr.co.pg.settlement.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.events.EventJson;
import tools.jackson.core.type.TypeReference;

/** The simulator's /sim admin endpoints (not KIS's API), for tests. */
final class SimulatorAdmin {

    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    SimulatorAdmin(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    List<Map<String, Object>> files() {
        return EventJson.mapper().readValue(get("/sim/files"), new TypeReference<List<Map<String, Object>>>() { });
    }

    /** Key (sub-merchant id or transaction id) -> number of accepted files that carried it. */
    Map<String, Integer> receivedCounts(String fileType) {
        return EventJson.mapper().readValue(get("/sim/received/" + fileType + "/counts"),
                new TypeReference<Map<String, Integer>>() { });
    }

    Map<String, Object> faults() {
        return EventJson.mapper().readValue(get("/sim/faults"), new TypeReference<Map<String, Object>>() { });
    }

    void setFaults(String json) {
        post("/sim/faults", json);
    }

    void resetFaults() {
        post("/sim/faults/reset", "{}");
    }

    void annualSales(Map<String, Long> salesByBusinessNo) {
        post("/sim/registry", new String(EventJson.write(salesByBusinessNo), StandardCharsets.UTF_8));
    }

    void closed(List<String> businessNumbers) {
        post("/sim/closed", new String(EventJson.write(businessNumbers), StandardCharsets.UTF_8));
    }

    private String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
    }

    private String post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
