package kr.co.pg.settlement.simulator.adapter.in.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.kis.protocol.FileType;
import kr.co.pg.settlement.simulator.application.FaultControl;
import kr.co.pg.settlement.simulator.application.SimulatorService;
import kr.co.pg.settlement.simulator.domain.FaultSettings;
import kr.co.pg.settlement.simulator.domain.TierPolicy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Test and operator endpoints; not part of KIS's API and not signed. */
@RestController
@RequestMapping("/sim")
class SimAdminController {

    private final SimulatorService simulator;
    private final FaultControl faults;
    private final TierPolicy tiers;
    private final JsonMapper json = JsonMapper.builder().build();

    SimAdminController(SimulatorService simulator, FaultControl faults, TierPolicy tiers) {
        this.simulator = simulator;
        this.faults = faults;
        this.tiers = tiers;
    }

    @GetMapping("/files")
    List<Map<String, Object>> files() {
        return simulator.receipts().stream().map(simulator::describe).toList();
    }

    @GetMapping("/received/{fileType}/counts")
    ResponseEntity<Object> receivedCounts(@PathVariable String fileType) {
        if (!"R1".equals(fileType) && !"S1".equals(fileType)) {
            return KisErrors.error(400, "SIM400", "file type must be R1 or S1, got '" + fileType + "'");
        }
        return ResponseEntity.ok(simulator.receivedCounts(FileType.valueOf(fileType)));
    }

    @GetMapping("/faults")
    FaultsJson currentFaults() {
        return FaultsJson.of(faults.current());
    }

    /** Partial update: only the fields present change, e.g. {"unavailableShare":1.0}. */
    @PostMapping("/faults")
    ResponseEntity<Object> changeFaults(@RequestBody String body) {
        try {
            ObjectNode merged = (ObjectNode) json.valueToTree(FaultsJson.of(faults.current()));
            JsonNode change = json.readTree(body);
            if (change == null || !change.isObject()) {
                return KisErrors.error(400, "SIM400", "body must be a JSON object of fault fields");
            }
            for (Map.Entry<String, JsonNode> e : change.properties()) {
                if (!merged.has(e.getKey())) {
                    return KisErrors.error(400, "SIM400", "unknown fault field '" + e.getKey() + "', known: " + merged.propertyNames());
                }
                merged.set(e.getKey(), e.getValue());
            }
            FaultSettings settings = json.treeToValue(merged, FaultsJson.class).toSettings();
            faults.set(settings);
            return ResponseEntity.ok(FaultsJson.of(settings));
        } catch (RuntimeException e) {
            return KisErrors.error(400, "SIM400", "cannot apply faults: " + e.getMessage());
        }
    }

    @PostMapping("/faults/reset")
    FaultsJson resetFaults() {
        faults.reset();
        return FaultsJson.of(faults.current());
    }

    /** Annual sales in KRW by business number, e.g. {"1248100998": 250000000}. Adds to the registry. */
    @PostMapping("/registry")
    Map<String, Long> seedRegistry(@RequestBody Map<String, Long> salesByBusinessNo) {
        salesByBusinessNo.forEach(tiers::putAnnualSales);
        return tiers.annualSales();
    }

    @GetMapping("/registry")
    Map<String, Long> registry() {
        return tiers.annualSales();
    }

    /** Business numbers closed or suspended at the tax office (E102). Adds to the list. */
    @PostMapping("/closed")
    Map<String, Object> addClosed(@RequestBody List<String> businessNumbers) {
        businessNumbers.forEach(tiers::addClosed);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("closed", tiers.closedBusinessNumbers());
        return m;
    }

    /** JSON form of {@link FaultSettings}; durations in milliseconds. */
    record FaultsJson(double unavailableShare, int unavailableNext, int unavailableStatus, long latencyMillis,
                      int rateLimitPerSecond, int retryAfterSeconds, double delayedResultShare,
                      long resultDelayMillis, double corruptedResultShare, int corruptedDownloads,
                      double reducedDifferenceShare, double failedShare, long seed) {

        static FaultsJson of(FaultSettings f) {
            return new FaultsJson(f.unavailableShare(), f.unavailableNext(), f.unavailableStatus(), f.latency().toMillis(),
                    f.rateLimitPerSecond(), f.retryAfterSeconds(), f.delayedResultShare(), f.resultDelay().toMillis(),
                    f.corruptedResultShare(), f.corruptedDownloads(), f.reducedDifferenceShare(), f.failedShare(), f.seed());
        }

        FaultSettings toSettings() {
            return new FaultSettings(unavailableShare, unavailableNext, unavailableStatus, Duration.ofMillis(latencyMillis),
                    rateLimitPerSecond, retryAfterSeconds, delayedResultShare, Duration.ofMillis(resultDelayMillis),
                    corruptedResultShare, corruptedDownloads, reducedDifferenceShare, failedShare, seed);
        }
    }
}
