package kr.co.pg.settlement.system.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.events.EventJson;

/**
 * What one benchmark run measured, and its one-line JSON form ({@code BENCHMARK {...}}, to grep).
 * <p>
 * The ratio compares the system with the SQL floor of the same rows: {@code ratio} = seconds to all settled /
 * floor seconds; {@code ratioWithoutKisDelay} takes the simulator's processing delay off the total first. The
 * files are processed by KIS while the PG collects and sends the next ones, so of KIS's time only the last file's
 * processing delay is surely on the critical path: one delay is taken off, no more (the poller's interval and
 * everything else count as the PG's time).
 */
public record BenchmarkReport(int transactions, int subMerchants, int instancesPerService, Duration kisProcessingDelay,
                              Duration pollerInterval, Duration registration, Duration allSent, Duration allSettled,
                              SqlFloor.Result floor, long rowsSettledOrRejected, long deadlocks,
                              Map<String, Long> finalStatuses, List<Memory> memory) {

    /** One service instance's peaks: heap from its GC log, resident set (VmHWM) read just before it stopped. */
    public record Memory(String service, String instance, long peakHeapBytes, long peakRssBytes) {
    }

    public static final String PREFIX = "BENCHMARK ";

    public BenchmarkReport {
        finalStatuses = Map.copyOf(new LinkedHashMap<>(finalStatuses));
        memory = List.copyOf(memory);
    }

    public double ratio() {
        return seconds(allSettled) / floor.totalSeconds();
    }

    public double ratioWithoutKisDelay() {
        return (seconds(allSettled) - seconds(kisProcessingDelay)) / floor.totalSeconds();
    }

    public double rowsPerSecond() {
        return rowsSettledOrRejected / seconds(allSettled);
    }

    /** {@code BENCHMARK {"transactions":...}}: one line, fields in a fixed order, seconds to the millisecond. */
    public String toJsonLine() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("transactions", transactions);
        json.put("subMerchants", subMerchants);
        json.put("instancesPerService", instancesPerService);
        json.put("kisProcessingDelaySeconds", round(seconds(kisProcessingDelay)));
        json.put("pollerIntervalSeconds", round(seconds(pollerInterval)));
        json.put("registrationSeconds", round(seconds(registration)));
        json.put("secondsToAllSent", round(seconds(allSent)));
        json.put("secondsToAllSettled", round(seconds(allSettled)));
        json.put("sqlFloorSeconds", round(floor.totalSeconds()));
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("collect", round(floor.collectSeconds()));
        parts.put("send", round(floor.sendSeconds()));
        parts.put("settle", round(floor.settleSeconds()));
        json.put("sqlFloorParts", parts);
        json.put("sqlFloorRows", floor.rows());
        json.put("ratio", round(ratio()));
        json.put("ratioWithoutKisDelay", round(ratioWithoutKisDelay()));
        json.put("rowsPerSecond", Double.isFinite(rowsPerSecond()) ? Math.round(rowsPerSecond()) : null);
        json.put("deadlocks", deadlocks);
        json.put("finalStatuses", new java.util.TreeMap<>(finalStatuses));
        List<Map<String, Object>> services = new ArrayList<>();
        for (Memory m : memory) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("service", m.service());
            s.put("instance", m.instance());
            s.put("peakHeapMb", megabytes(m.peakHeapBytes()));
            s.put("peakRssMb", megabytes(m.peakRssBytes()));
            services.add(s);
        }
        json.put("memory", services);
        return PREFIX + EventJson.mapper().writeValueAsString(json);
    }

    /** The same figures for people, one per line, each starting with "RESULT". */
    public List<String> toText() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("RESULT %,d approvals, %,d sub-merchants, %d instance(s) per service; KIS processing"
                        + " delay %s, poller interval %s", transactions, subMerchants, instancesPerService,
                kisProcessingDelay, pollerInterval));
        lines.add(String.format("RESULT registration (untimed part): %.1f s", seconds(registration)));
        lines.add(String.format("RESULT both settlement jobs kicked off together: all request rows SENT after %.1f s,"
                + " all settled after %.1f s (%,.0f rows/s)", seconds(allSent), seconds(allSettled), rowsPerSecond()));
        lines.add(String.format("RESULT SQL floor on a copy of the same rows (%,d rows): %.1f s = collect %.1f s"
                        + " + send %.1f s + settle %.1f s", floor.rows(), floor.totalSeconds(), floor.collectSeconds(),
                floor.sendSeconds(), floor.settleSeconds()));
        lines.add(String.format("RESULT ratio to the floor: %.2f (total / floor); %.2f ((total - one KIS processing"
                + " delay) / floor)", ratio(), ratioWithoutKisDelay()));
        lines.add("RESULT deadlocks during the timed part: " + deadlocks + "; final statuses: " + finalStatuses);
        for (Memory m : memory) {
            lines.add(String.format("RESULT %-24s peak heap %7s MB (GC log), peak RSS %7s MB (VmHWM)", m.instance(),
                    megabytes(m.peakHeapBytes()), megabytes(m.peakRssBytes())));
        }
        return lines;
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static BigDecimal round(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP) : null;
    }

    /** MB with one decimal, or null when unknown. */
    private static BigDecimal megabytes(long bytes) {
        return bytes < 0 ? null : BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024L * 1024), 1, RoundingMode.HALF_UP);
    }
}
