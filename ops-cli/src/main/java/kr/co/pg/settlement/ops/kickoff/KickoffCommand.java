package kr.co.pg.settlement.ops.kickoff;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.events.status.JobRunStatus;
import kr.co.pg.settlement.ops.Converters;
import kr.co.pg.settlement.ops.ExitCodes;
import kr.co.pg.settlement.ops.JobRequests;
import kr.co.pg.settlement.ops.KafkaClients;
import kr.co.pg.settlement.ops.KafkaConnection;
import kr.co.pg.settlement.ops.OpsCommand;
import kr.co.pg.settlement.ops.OpsException;
import kr.co.pg.settlement.scheduler.adapter.out.kafka.KickoffSender;
import kr.co.pg.settlement.scheduler.application.KickoffNotSentException;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "kickoff",
        header = "Start a job for a business date (a kick-off message); --wait follows it to the end.",
        description = {"Starts a job for a business date: one kick-off message on " + Topics.KICKOFF
                + " (key = job name, JSON value as the public contract fixes it). Prints its kickoffId first.",
                "--wait follows it in the database until it is done: REQUEST jobs until the collector's job_run of"
                        + " this kickoffId is DONE; RESULT jobs until no row of the date's files waits for KIS"
                        + " (and, with the poller database configured, the poller handled the kick-off)."})
public final class KickoffCommand extends OpsCommand {

    @Parameters(index = "0", paramLabel = "JOB", converter = Converters.JobName.class,
            description = "SUBMERCHANT_REGISTRATION_REQUEST, SUBMERCHANT_REGISTRATION_RESULT, DIFF_SETTLEMENT_REQUEST or DIFF_SETTLEMENT_RESULT")
    Job job;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", converter = Converters.BusinessDate.class,
            description = "business date")
    LocalDate date;

    @Option(names = "--wait", description = "follow the job until it is done; exit 1 when it failed or timed out")
    boolean wait;

    @Option(names = "--by", paramLabel = "NAME", description = "requestedBy (default: operator:$USER)")
    String by;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Converters.IsoDuration.class,
            defaultValue = "30m", description = "how long --wait waits (default ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--poll-interval", hidden = true, converter = Converters.IsoDuration.class, defaultValue = "1s")
    Duration pollInterval;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = out();
        String requestedBy = by != null && !by.isBlank() ? by
                : "operator:" + Optional.ofNullable(System.getProperty("user.name")).orElse("unknown");
        KafkaConnection kafka = connections.kafka();
        // resolve the database before sending, so a --wait without a database fails before anything is sent
        JobProgress progress = wait ? new JobProgress(connections.settlementDb(), connections.pollerDb()) : null;
        KickoffSender.Sent sent = send(kafka, requestedBy);
        out.println(sent.kickoffId());
        out.println("sent " + job + " for " + date + " by " + requestedBy + " (" + Topics.KICKOFF + " partition "
                + sent.partition() + ", offset " + sent.offset() + ")");
        out.flush();
        return wait ? follow(progress, sent.kickoffId(), out) : ExitCodes.OK;
    }

    /** The scheduler's sender (one writing of a kick-off), with the CLI's producer: short timeouts. */
    private KickoffSender.Sent send(KafkaConnection kafka, String requestedBy) {
        try (KickoffSender sender = KickoffSender.owning(KafkaClients.producer(kafka, null), Clock.system(KST),
                Duration.ofSeconds(40))) {
            return sender.send(job, date, requestedBy);
        } catch (KickoffNotSentException e) {
            throw new OpsException(e.getMessage() + " (Kafka at " + kafka + "); run it again", e);
        } catch (KafkaException e) {
            throw new OpsException("Kafka at " + kafka + ": " + e.getMessage() + "; nothing was sent", e);
        }
    }

    private int follow(JobProgress progress, String kickoffId, PrintWriter out) throws InterruptedException {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        String last = "";
        Instant lastPrinted = Instant.MIN;
        while (true) {
            Outcome outcome = job.isRequestJob() ? requestJob(progress, kickoffId) : resultJob(progress, kickoffId);
            String line = outcome.line();
            if (outcome.finished()) {
                out.println(elapsed(start) + " " + line);
                out.println("rows of the " + date + " files by status: " + show(progress.requestsOfDate(job, date)));
                out.flush();
                return outcome.ok() ? ExitCodes.OK : ExitCodes.FAILED;
            }
            String progressLine = line + "; " + (JobRequests.registration(job) ? "sub-merchants " : "transactions ")
                    + show(progress.rowsByState(job));
            if (!progressLine.equals(last) || Instant.now().isAfter(lastPrinted.plusSeconds(10))) {
                out.println(elapsed(start) + " " + progressLine);
                out.flush();
                last = progressLine;
                lastPrinted = Instant.now();
            }
            if (Instant.now().isAfter(deadline)) {
                out.println("TIMEOUT after " + timeout + ": " + line + " - the job may still finish; see"
                        + " `settlement status` and `settlement report --date " + date + "`");
                out.flush();
                return ExitCodes.FAILED;
            }
            Thread.sleep(pollInterval.toMillis()); // the CLI's polling loop
        }
    }

    record Outcome(boolean finished, boolean ok, String line) {
    }

    private Outcome requestJob(JobProgress progress, String kickoffId) {
        Optional<JobProgress.Run> run = progress.jobRun(kickoffId);
        if (run.isEmpty()) {
            return new Outcome(false, false, "waiting for the collector to start it (no job_run row yet)");
        }
        JobProgress.Run r = run.get();
        return switch (JobRunStatus.valueOf(r.status())) {
            case DONE -> new Outcome(true, true, "DONE: files created " + r.files() + ", rows collected "
                    + r.collected() + ", rejected " + r.rejected() + ", not eligible " + r.notEligible());
            case FAILED -> new Outcome(true, false, "FAILED: " + r.message()
                    + " - the collector retries it; the day report lists what is open");
            case RUNNING -> new Outcome(false, false, "job_run " + r.status());
        };
    }

    private Outcome resultJob(JobProgress progress, String kickoffId) {
        Optional<Boolean> handled = progress.pollerHandled(kickoffId);
        Map<String, Long> rows = progress.requestsOfDate(job, date);
        long open = JobRequests.open(job, rows);
        if (handled.isPresent() && !handled.get()) {
            return new Outcome(false, false, "waiting for the poller to take the kick-off; open rows " + open);
        }
        if (open > 0) {
            return new Outcome(false, false, open + " rows of the " + date + " files wait for KIS results");
        }
        return new Outcome(true, true, "DONE: no row of the " + date + " files waits for KIS"
                + (handled.isEmpty() ? " (poller database not configured: the kick-off itself not checked)" : ""));
    }

    private static String show(Map<String, Long> counts) {
        return counts.isEmpty() ? "-" : counts.toString();
    }

    private static String elapsed(Instant start) {
        return String.format("[%5.1fs]", Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }
}
