package kr.co.pg.settlement.system.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.events.EventJson;
import tools.jackson.core.type.TypeReference;

/** The simulator's /sim admin API (not KIS's API): what KIS received, and its faults. */
final class SimAdmin {

    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    SimAdmin(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Every receipt KIS gave: receiptNo, idempotencyKey (= file id), fileType, fileDate, fileSeq, recordCount, status. */
    List<Map<String, Object>> files() {
        return EventJson.mapper().readValue(get("/sim/files"), new TypeReference<List<Map<String, Object>>>() { });
    }

    /** Key (sub-merchant id for R1, transaction id for S1) -> number of accepted files that carried it. */
    Map<String, Integer> receivedCounts(String fileType) {
        return EventJson.mapper().readValue(get("/sim/received/" + fileType + "/counts"),
                new TypeReference<Map<String, Integer>>() { });
    }

    void setFaults(String json) {
        post("/sim/faults", json);
    }

    void resetFaults() {
        post("/sim/faults/reset", "{}");
    }

    /** Annual sales by business number, sent in parts (the endpoint takes bodies of a limited size). */
    void annualSales(Map<String, Long> salesByBusinessNo) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(salesByBusinessNo.entrySet());
        for (int from = 0; from < entries.size(); from += 1_000) {
            Map<String, Long> part = new LinkedHashMap<>();
            entries.subList(from, Math.min(entries.size(), from + 1_000)).forEach(e -> part.put(e.getKey(), e.getValue()));
            post("/sim/registry", new String(EventJson.write(part), StandardCharsets.UTF_8));
        }
    }

    private String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
    }

    private void post(String path, String json) {
        send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
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
