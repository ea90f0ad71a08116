package kr.co.pg.settlement.system.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.events.EventJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BenchmarkReportTest {

    private static final BenchmarkReport REPORT = new BenchmarkReport(1_000_000, 50_000, 2, Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(12_345), Duration.ofMillis(61_234), Duration.ofMillis(80_500),
            new SqlFloor.Result(10.0, 3.0, 7.0, 1_000_000), 1_000_000, 3,
            Map.of("SETTLED", 999_990L, "REJECTED", 10L),
            List.of(new BenchmarkReport.Memory("collector-service", "collector-service-1", 300L << 20, 700L << 20),
                    new BenchmarkReport.Memory("kis-simulator", "kis-simulator", -1, 400L << 20)));

    @Test
    void oneGreppableLineOfJsonWithEveryFigure() {
        String line = REPORT.toJsonLine();

        assertThat(line).startsWith("BENCHMARK {").doesNotContain("\n");
        JsonNode json = EventJson.mapper().readTree(line.substring("BENCHMARK ".length()));
        assertThat(json.get("transactions").asLong()).isEqualTo(1_000_000);
        assertThat(json.get("subMerchants").asInt()).isEqualTo(50_000);
        assertThat(json.get("instancesPerService").asInt()).isEqualTo(2);
        assertThat(json.get("secondsToAllSent").decimalValue()).isEqualByComparingTo("61.234");
        assertThat(json.get("secondsToAllSettled").decimalValue()).isEqualByComparingTo("80.5");
        assertThat(json.get("sqlFloorSeconds").decimalValue()).isEqualByComparingTo("20");
        assertThat(json.get("sqlFloorParts").get("collect").decimalValue()).isEqualByComparingTo("10");
        assertThat(json.get("sqlFloorParts").get("send").decimalValue()).isEqualByComparingTo("3");
        assertThat(json.get("sqlFloorParts").get("settle").decimalValue()).isEqualByComparingTo("7");
        assertThat(json.get("ratio").decimalValue()).isEqualByComparingTo("4.025");            // 80.5 / 20
        assertThat(json.get("ratioWithoutKisDelay").decimalValue()).isEqualByComparingTo("4"); // (80.5 - 0.5) / 20
        assertThat(json.get("rowsPerSecond").asLong()).isEqualTo(12_422);                      // 1,000,000 / 80.5
        assertThat(json.get("deadlocks").asLong()).isEqualTo(3);
        assertThat(json.get("finalStatuses").get("SETTLED").asLong()).isEqualTo(999_990);
        JsonNode collector = json.get("memory").get(0);
        assertThat(collector.get("instance").asString()).isEqualTo("collector-service-1");
        assertThat(collector.get("peakHeapMb").decimalValue()).isEqualByComparingTo("300");
        assertThat(collector.get("peakRssMb").decimalValue()).isEqualByComparingTo("700");
        assertThat(json.get("memory").get(1).get("peakHeapMb").isNull()).isTrue(); // unknown, not a made-up 0
    }

    @Test
    void theTextSaysHowTheRatioIsDefined() {
        assertThat(String.join("\n", REPORT.toText()))
                .contains("4.03 (total / floor)", "4.00 ((total - one KIS processing delay) / floor)",
                        "collector-service-1", "12,422 rows/s");
    }
}
