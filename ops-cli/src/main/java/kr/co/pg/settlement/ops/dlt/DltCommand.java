package kr.co.pg.settlement.ops.dlt;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

@Command(name = "dlt", mixinStandardHelpOptions = true, usageHelpWidth = 110,
        header = "Dead letters: list them, re-drive them to their original topic.",
        description = "Dead-letter topics: what they hold (list) and putting records back on their original topic (redrive).",
        subcommands = {DltListCommand.class, DltRedriveCommand.class})
public final class DltCommand implements Runnable {

    @CommandLine.Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: list or redrive");
    }

    /** The chosen dead-letter topics (default all three); anything else is a bad argument. */
    static List<String> topics(List<String> chosen, CommandSpec spec) {
        if (chosen == null || chosen.isEmpty()) {
            return DeadLetterTopics.ALL;
        }
        for (String topic : chosen) {
            if (!DeadLetterTopics.ALL.contains(topic)) {
                throw new ParameterException(spec.commandLine(), "'" + topic + "' is not a dead-letter topic: one of "
                        + String.join(", ", DeadLetterTopics.ALL));
            }
        }
        return List.copyOf(chosen);
    }
}
