package kr.co.pg.settlement.opsconsole.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import kr.co.pg.settlement.events.Job;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Kick-off, replay and dead-letter re-drive in two steps: a dry run (what would happen, and a confirmation token),
 * then the execution with {@code confirm=true} and that token. Every step is written to the audit log.
 */
@Service
public class OperatorActions {

    public enum Phase { DRY_RUN, EXECUTED, FAILED, NOT_CONFIRMED }

    /** {@code token} and {@code expiresAt} only for a dry run; {@code kickoffId} only for an executed kick-off. */
    public record Result(OperatorAction action, Phase phase, boolean ok, String parameters, String output,
                         String token, Instant expiresAt, String kickoffId) {
    }

    private final OpsCommands commands;
    private final AuditLog audit;
    private final ProgressQueries progress;
    private final ConfirmationTokens tokens;

    OperatorActions(OpsCommands commands, AuditLog audit, ProgressQueries progress, Clock clock,
                    @Value("${ops.confirmation-validity:PT10M}") Duration validity) {
        this.commands = commands;
        this.audit = audit;
        this.progress = progress;
        this.tokens = new ConfirmationTokens(clock, validity);
    }

    public Result kickoff(String user, Job job, LocalDate date, boolean confirm, String token) {
        String parameters = "job=" + job + " businessDate=" + date;
        if (!confirm) {
            String earlier;
            if (job.isRequestJob()) {
                List<ProgressQueries.JobRun> runs = progress.runs(job, date);
                earlier = runs.isEmpty() ? "no run of this job and date yet"
                        : runs.size() + " earlier run(s) of this job and date, last " + runs.get(runs.size() - 1).status()
                        + ": a new run takes only what is still left";
            } else {
                long open = progress.requestsOfDate(job, date).open();
                earlier = open + " row(s) of the date's files still waiting for KIS: the poller fetches the results of"
                        + " every pending receipt";
            }
            return preview(user, OperatorAction.KICKOFF, parameters, "would send a kick-off of " + job + " for business"
                    + " date " + date + " to settlement.kickoff.v1, requested by " + requestedBy(user) + " (" + earlier + ")");
        }
        return execute(user, OperatorAction.KICKOFF, parameters, token,
                () -> commands.kickoff(job, date, requestedBy(user)));
    }

    public Result replay(String user, LocalDate date, List<String> groups, boolean confirm, String token) {
        String parameters = "businessDate=" + date + " groups=" + (groups.isEmpty() ? "default" : String.join(",", groups));
        return dryRunOrExecute(user, OperatorAction.REPLAY, parameters, confirm, token,
                execute -> commands.replay(date, groups, execute));
    }

    public Result redrive(String user, String deadLetterId, boolean confirm, String token) {
        return dryRunOrExecute(user, OperatorAction.DLT_REDRIVE, "deadLetter=" + deadLetterId, confirm, token,
                execute -> commands.redrive(deadLetterId, execute, requestedBy(user)));
    }

    /** An action whose dry run is the ops-cli's own: its output is the preview; a failed one gets no token. */
    private Result dryRunOrExecute(String user, OperatorAction action, String parameters, boolean confirm, String token,
                                   Function<Boolean, OpsCommands.Outcome> run) {
        if (confirm) {
            return execute(user, action, parameters, token, () -> run.apply(true));
        }
        OpsCommands.Outcome dryRun = run.apply(false);
        if (!dryRun.ok()) {
            audit.record(user, action, Phase.DRY_RUN.name(), parameters, "FAILED", dryRun.output());
            return new Result(action, Phase.FAILED, false, parameters, dryRun.output(), null, null, null);
        }
        return preview(user, action, parameters, dryRun.output());
    }

    private Result preview(String user, OperatorAction action, String parameters, String output) {
        ConfirmationTokens.Issued issued = tokens.issue(user, action, parameters);
        audit.record(user, action, Phase.DRY_RUN.name(), parameters, "OK", output);
        return new Result(action, Phase.DRY_RUN, true, parameters, output, issued.token(), issued.expiresAt(), null);
    }

    private Result execute(String user, OperatorAction action, String parameters, String token,
                           Supplier<OpsCommands.Outcome> run) {
        if (!tokens.redeem(token, user, action, parameters)) {
            String why = "not confirmed: run the dry run first and send its token back with the same parameters"
                    + " (a token is good once, for its user, for a limited time)";
            audit.record(user, action, "EXECUTE", parameters, "REFUSED", why);
            return new Result(action, Phase.NOT_CONFIRMED, false, parameters, why, null, null, null);
        }
        OpsCommands.Outcome outcome;
        try {
            outcome = run.get();
        } catch (RuntimeException e) {
            outcome = new OpsCommands.Outcome(false, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
        audit.record(user, action, "EXECUTE", parameters, outcome.ok() ? "OK" : "FAILED", outcome.output());
        return new Result(action, outcome.ok() ? Phase.EXECUTED : Phase.FAILED, outcome.ok(), parameters,
                outcome.output(), null, null, outcome.kickoffId());
    }

    private static String requestedBy(String user) {
        return "ops-console:" + user;
    }
}
