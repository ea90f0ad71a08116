package kr.co.pg.settlement.ops.replay;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import kr.co.pg.settlement.ops.Converters;
import kr.co.pg.settlement.ops.GroupOffsets;
import kr.co.pg.settlement.ops.ExitCodes;
import kr.co.pg.settlement.ops.OpsCommand;
import kr.co.pg.settlement.ops.KafkaClients;
import kr.co.pg.settlement.ops.KafkaConnection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "replay",
        header = "Move consumer groups back to the first record of a business date (dry run unless --execute).",
        description = {"Moves consumer groups back to the first record of a business date on every topic they read,"
                + " so the services consume that day (and everything after it) again. Consumers are idempotent:"
                + " the database ends exactly as it was, nothing is sent to KIS twice.",
                "Dry run unless --execute. Refuses (exit 1) while a group has active members: stop its service first."})
public final class ReplayCommand extends OpsCommand {

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", converter = Converters.BusinessDate.class,
            description = "first business date to consume again")
    LocalDate date;

    @Option(names = "--group", paramLabel = "GROUP",
            description = "consumer group (repeatable; default: settlement-collector, settlement-kis-gateway, settlement-status-poller)")
    List<String> groups;

    @Option(names = "--execute", description = "move the offsets (default: dry run, print only)")
    boolean execute;

    @Option(names = "--lookback-days", defaultValue = "3", paramLabel = "DAYS",
            description = "start scanning at the records written this many days before the date (default ${DEFAULT-VALUE})")
    int lookbackDays;

    @Option(names = "--scan-limit", defaultValue = "1000000", paramLabel = "RECORDS",
            description = "most records read per partition to find the date (default ${DEFAULT-VALUE})")
    long scanLimit;

    @Override
    public Integer call() {
        PrintWriter out = out();
        List<String> chosen = groups == null || groups.isEmpty() ? GroupTopics.DEFAULT_GROUPS
                : List.copyOf(new LinkedHashSet<>(groups));
        KafkaConnection kafka = connections.kafka();
        try (Admin admin = KafkaClients.admin(kafka);
             KafkaConsumer<String, byte[]> reader = KafkaClients.reader(kafka, false)) {
            GroupOffsets offsets = new GroupOffsets(admin);
            Map<String, Optional<GroupOffsets.GroupState>> states = new LinkedHashMap<>();
            for (String group : chosen) {
                Optional<GroupOffsets.GroupState> state = offsets.describe(group);
                if (state.isEmpty() && !GroupTopics.KNOWN.containsKey(group)) {
                    throw new ParameterException(spec.commandLine(), "unknown consumer group '" + group
                            + "': not one of " + GroupTopics.DEFAULT_GROUPS + " and not on the cluster");
                }
                states.put(group, state);
            }
            for (var e : states.entrySet()) {
                if (e.getValue().isPresent() && e.getValue().get().members() > 0) {
                    spec.commandLine().getErr().println("settlement: consumer group " + e.getKey() + " has "
                            + e.getValue().get().members() + " active member(s) (state " + e.getValue().get().state()
                            + "): stop its service before replaying (like kafka-consumer-groups --reset-offsets);"
                            + " nothing was changed");
                    return ExitCodes.FAILED;
                }
            }
            out.println("replay from business date " + date + (execute ? "" : " - DRY RUN, nothing changes (add --execute)"));
            DateOffsetFinder finder = new DateOffsetFinder(reader, lookbackDays, scanLimit);
            int moved = 0;
            for (String group : chosen) {
                moved += replay(group, states.get(group), offsets, reader, finder, out);
            }
            out.println((execute ? "moved " : "would move ") + moved + " partition offset(s) of " + chosen.size()
                    + " group(s)" + (execute ? "; start the services again" : "; run again with --execute"));
            return ExitCodes.OK;
        }
    }

    private int replay(String group, Optional<GroupOffsets.GroupState> state, GroupOffsets offsets,
                       KafkaConsumer<String, byte[]> reader, DateOffsetFinder finder, PrintWriter out) {
        Map<TopicPartition, Long> committed = offsets.committed(group);
        Set<String> topics = new java.util.TreeSet<>(GroupTopics.KNOWN.getOrDefault(group, List.of()));
        committed.keySet().forEach(tp -> topics.add(tp.topic()));
        List<String> missing = new ArrayList<>();
        List<TopicPartition> partitions = offsets.partitions(topics, missing);
        out.println("group " + group + " (" + state.map(s -> s.state() + ", no active members").orElse("no offsets yet")
                + ")");
        missing.forEach(t -> out.println("  " + t + ": topic does not exist yet - skipped"));
        Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
        Map<TopicPartition, Long> target = new TreeMap<>(GroupOffsets.BY_TOPIC_AND_PARTITION);
        out.println(String.format("  %-45s %9s %12s %12s", "topic", "partition", "current", "new"));
        for (TopicPartition tp : partitions) {
            long newOffset = finder.firstOffsetOnOrAfter(tp, date, ends.getOrDefault(tp, 0L));
            target.put(tp, newOffset);
            Long current = committed.get(tp);
            out.println(String.format("  %-45s %9d %12s %12d%s", tp.topic(), tp.partition(),
                    current == null ? "-" : current.toString(), newOffset,
                    current != null && current == newOffset ? "  (unchanged)" : ""));
        }
        if (execute && !target.isEmpty()) {
            offsets.alter(group, target);
        }
        return target.size();
    }
}
