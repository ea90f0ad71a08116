package kr.co.pg.settlement.opsconsole.adapter.out.opscli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.ops.SettlementCli;
import kr.co.pg.settlement.opsconsole.application.OpsCommands;
import kr.co.pg.settlement.opsconsole.config.OpsEnvironment;
import org.springframework.stereotype.Component;

/**
 * The ops-cli's commands run in-process (SettlementCli.execute with the console's connection settings as the
 * environment), so the console kicks off, replays, re-drives and tells a transaction's story exactly as
 * {@code ./settlement} does: one implementation of each operation.
 */
@Component
class OpsCliCommands implements OpsCommands {

    private final OpsEnvironment environment;

    OpsCliCommands(OpsEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Outcome kickoff(Job job, LocalDate businessDate, String requestedBy) {
        Run run = run("kickoff", job.name(), "--date", businessDate.toString(), "--by", requestedBy);
        String kickoffId = run.code() == 0 ? run.out().lines().findFirst().orElse(null) : null;
        return new Outcome(run.code() == 0, run.text(), kickoffId);
    }

    @Override
    public Outcome replay(LocalDate businessDate, List<String> groups, boolean execute) {
        List<String> args = new ArrayList<>(List.of("replay", "--date", businessDate.toString()));
        groups.forEach(g -> {
            args.add("--group");
            args.add(g);
        });
        if (execute) {
            args.add("--execute");
        }
        Run run = run(args.toArray(String[]::new));
        return new Outcome(run.code() == 0, run.text(), null);
    }

    @Override
    public Outcome redrive(String deadLetterId, boolean execute, String by) {
        List<String> args = new ArrayList<>(List.of("dlt", "redrive", deadLetterId, "--by", by));
        if (execute) {
            args.add("--execute");
        }
        Run run = run(args.toArray(String[]::new));
        return new Outcome(run.code() == 0, run.text(), null);
    }

    @Override
    public Optional<String> transactionStory(String transactionId) {
        Run run = run("tx", transactionId);
        if (run.code() == 0) {
            return Optional.of(run.out());
        }
        if (run.err().contains("no transaction")) {
            return Optional.empty();
        }
        throw new IllegalStateException(run.text().strip());
    }

    private record Run(int code, String out, String err) {
        String text() {
            return err.isBlank() ? out : out + err;
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SettlementCli.execute(environment.asMap(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }
}
