package kr.co.pg.settlement.ops;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.co.pg.settlement.ops.dlt.DltCommand;
import kr.co.pg.settlement.ops.kickoff.KickoffCommand;
import kr.co.pg.settlement.ops.replay.ReplayCommand;
import kr.co.pg.settlement.ops.report.ReportCommand;
import kr.co.pg.settlement.ops.status.StatusCommand;
import kr.co.pg.settlement.ops.tx.TxCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The operator's command, {@code ./settlement} at the repository root. Exit codes: 0 done, 1 the operation failed
 * or was refused (the line printed says why), 2 bad arguments (one line).
 */
@Command(name = "settlement", mixinStandardHelpOptions = true, usageHelpWidth = 110, version = "settlement ops-cli 0.1.0",
        description = "Operates the KIS difference-settlement system: kick-offs, replay of a day, reports, status,"
                + " one transaction's story, dead letters.",
        subcommands = {KickoffCommand.class, ReplayCommand.class, ReportCommand.class, StatusCommand.class,
                TxCommand.class, DltCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nConfiguration (flags before or after the command; each command's --help lists them):%n",
        footer = {
                "  Kafka             KAFKA_BOOTSTRAP_SERVERS or --kafka",
                "  settlement DB     SETTLEMENT_DB_URL, _USER, _PASSWORD or --db-url, --db-user, --db-password-file",
                "  poller DB         POLLER_DB_URL, _USER, _PASSWORD or --poller-db-url, ... (optional)",
                "  services          COLLECTOR_URL (report), GATEWAY_URL, POLLER_URL (health) or --collector-url, ...",
                "  their credential  SETTLEMENT_MANAGEMENT_USER, _PASSWORD or --management-user, --management-password-file",
                "  --demo            the stack of ./run-day.sh on 127.0.0.1 (DEMO_DB_PORT, DEMO_KAFKA_PORT, ...)",
                "Passwords never go on the command line: environment or a file only.",
                "Exit codes: 0 done, 1 failed or refused (the message says why), 2 bad arguments."})
public final class SettlementCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        // UTF-8 whatever the platform default (Korean names, on Java 17 with a C locale too)
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(execute(System.getenv(), out, err, args));
    }

    /** Runs one command; {@code env} stands for the process environment (tests pass their own). */
    public static int execute(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new SettlementCli(), new EnvironmentFactory(env));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(false);
        cli.setParameterExceptionHandler((ex, arguments) -> {
            // a converter's own message ("unknown job ...") says it all; picocli's prefix would only add noise
            String message = ex.getCause() instanceof CommandLine.TypeConversionException conversion
                    ? conversion.getMessage() : ex.getMessage();
            ex.getCommandLine().getErr().println("settlement: " + message
                    + " (see: settlement " + commandPath(ex.getCommandLine()) + "--help)");
            return ExitCodes.BAD_ARGUMENTS;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("settlement: " + describe(ex));
            return ExitCodes.FAILED;
        });
        int code = cli.execute(connectionFlagsAfterTheCommand(args));
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The connection flags belong to each command (so `settlement status --demo` works); given before the command
     * (`settlement --demo status`) they are moved behind it.
     */
    static String[] connectionFlagsAfterTheCommand(String[] args) {
        List<String> leading = new ArrayList<>();
        int i = 0;
        while (i < args.length && args[i].startsWith("--") && CONNECTION_FLAGS.contains(args[i].split("=", 2)[0])) {
            leading.add(args[i]);
            boolean takesValue = !args[i].equals("--demo") && !args[i].contains("=");
            if (takesValue && i + 1 < args.length) {
                leading.add(args[++i]);
            }
            i++;
        }
        if (leading.isEmpty() || i == args.length) {
            return args;
        }
        List<String> reordered = new ArrayList<>(Arrays.asList(args).subList(i, args.length));
        reordered.addAll(leading);
        return reordered.toArray(String[]::new);
    }

    private static final Set<String> CONNECTION_FLAGS = Set.of("--kafka", "--db-url", "--db-user", "--db-password-file",
            "--poller-db-url", "--poller-db-user", "--poller-db-password-file", "--collector-url", "--gateway-url",
            "--poller-url", "--demo");

    private static String commandPath(CommandLine commandLine) {
        String path = commandLine.getCommandSpec().qualifiedName(" ");
        path = path.startsWith("settlement") ? path.substring("settlement".length()).trim() : path;
        return path.isEmpty() ? "" : path + " ";
    }

    private static String describe(Exception ex) {
        if (ex instanceof OpsException) {
            return ex.getMessage();
        }
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return ex.getMessage() != null && root == ex ? ex.getClass().getSimpleName() + ": " + ex.getMessage()
                : ex.getClass().getSimpleName() + ": " + ex.getMessage() + " (cause: " + root + ")";
    }

    /** Gives every command and mixin the environment it runs in (the real one, or a test's). */
    private record EnvironmentFactory(Map<String, String> env) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == Connections.class) {
                return type.cast(new Connections(env));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
