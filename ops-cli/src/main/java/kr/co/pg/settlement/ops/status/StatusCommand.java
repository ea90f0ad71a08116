package kr.co.pg.settlement.ops.status;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import kr.co.pg.settlement.events.ConsumerGroups;
import kr.co.pg.settlement.ops.Converters;
import kr.co.pg.settlement.ops.ExitCodes;
import kr.co.pg.settlement.ops.OpsCommand;
import kr.co.pg.settlement.ops.KafkaClients;
import kr.co.pg.settlement.ops.KafkaConnection;
import kr.co.pg.settlement.ops.GroupOffsets;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status",
        header = "Consumer lag, outbox backlog, pending KIS receipts, stuck rows, service health.",
        description = "Consumer lag per group and topic, the outbox backlog, pending KIS receipts, rows stuck past a"
                + " threshold, and service health. A part that cannot be reached is shown as such; the rest still shows.")
public final class StatusCommand extends OpsCommand {

    @Option(names = "--stuck-after", defaultValue = "2h", converter = Converters.IsoDuration.class, paramLabel = "DURATION",
            description = "a waiting row unchanged for longer is stuck (default ${DEFAULT-VALUE})")
    Duration stuckAfter;

    @Override
    public Integer call() {
        PrintWriter out = out();
        out.println("Consumer lag (committed vs end offsets)");
        section(out, this::lag);
        out.println("Outbox backlog (outbox_event rows not yet cleaned up)");
        section(out, () -> {
            StatusQueries.Backlog b = StatusQueries.outbox(connections.settlementDb());
            return List.of(b.rows() + " rows" + (b.oldest() == null ? "" : ", oldest created " + b.oldest() + " KST"));
        });
        out.println("Pending KIS receipts (poller)");
        section(out, () -> connections.pollerDb().map(db -> {
            StatusQueries.Backlog b = StatusQueries.pendingReceipts(db);
            return List.of(b.rows() + " pending" + (b.oldest() == null ? "" : ", oldest submitted " + b.oldest()
                    + " KST (" + age(b.oldest()) + " ago)"));
        }).orElse(List.of("not configured (POLLER_DB_URL or --poller-db-url)")));
        out.println("Stuck longer than " + stuckAfter + " (COLLECTED/SENT transactions, REQUESTED/SENT sub-merchants)");
        section(out, () -> {
            Map<String, Long> stuck = StatusQueries.stuck(connections.settlementDb(),
                    LocalDateTime.now(KST).minus(stuckAfter));
            return List.of(stuck.isEmpty() ? "none" : stuck + " - see `settlement report --date D` for examples");
        });
        out.println("Health");
        section(out, this::health);
        return ExitCodes.OK;
    }

    private List<String> lag() {
        KafkaConnection kafka = connections.kafka();
        List<String> lines = new ArrayList<>();
        try (Admin admin = KafkaClients.admin(kafka);
             KafkaConsumer<String, byte[]> reader = KafkaClients.reader(kafka, false)) {
            GroupOffsets offsets = new GroupOffsets(admin);
            for (String group : List.of(ConsumerGroups.COLLECTOR, ConsumerGroups.GATEWAY, ConsumerGroups.POLLER)) {
                Optional<GroupOffsets.GroupState> state = offsets.describe(group);
                Map<TopicPartition, Long> committed = offsets.committed(group);
                lines.add(group + " (" + state.map(s -> s.state() + ", " + s.members() + " member(s)").orElse("unknown to"
                        + " the cluster") + ")");
                Map<TopicPartition, Long> ends = reader.endOffsets(committed.keySet());
                Map<String, long[]> byTopic = new TreeMap<>();
                committed.forEach((tp, offset) -> {
                    long end = ends.getOrDefault(tp, offset);
                    long[] sums = byTopic.computeIfAbsent(tp.topic(), t -> new long[3]);
                    sums[0] += offset;
                    sums[1] += end;
                    sums[2] += Math.max(0, end - offset);
                });
                byTopic.forEach((topic, sums) -> lines.add(String.format("  %-45s committed %9d  end %9d  lag %8d",
                        topic, sums[0], sums[1], sums[2])));
                if (committed.isEmpty()) {
                    lines.add("  no committed offsets");
                }
            }
        }
        return lines;
    }

    private List<String> health() {
        Map<String, Optional<String>> services = new LinkedHashMap<>();
        services.put("collector", connections.collectorUrl());
        services.put("gateway", connections.gatewayUrl());
        services.put("poller", connections.pollerUrl());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        List<String> lines = new ArrayList<>();
        Optional<String> authorization = connections.managementAuthorization();
        services.forEach((name, url) -> lines.add(String.format("%-10s %s", name, url.map(u -> u + "  "
                        + probe(http, u, authorization))
                .orElse("not configured (" + name.toUpperCase() + "_URL)"))));
        return lines;
    }

    /** The health status; with the management credential the service also tells its components (SECURITY.md). */
    private static String probe(HttpClient http, String baseUrl, Optional<String> authorization) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5));
            authorization.ifPresent(value -> request.header("Authorization", value));
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"UP\"") ? "UP" : "DOWN (HTTP " + r.statusCode() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "DOWN (interrupted)";
        } catch (Exception e) {
            return "DOWN (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
        }
    }

    private static String age(LocalDateTime since) {
        Duration d = Duration.between(since, LocalDateTime.now(KST));
        return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min" : d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }

    private static void section(PrintWriter out, Supplier<List<String>> lines) {
        try {
            lines.get().forEach(line -> out.println("  " + line));
        } catch (RuntimeException e) {
            out.println("  UNAVAILABLE: " + e.getMessage());
        }
        out.flush();
    }

}
