package kr.co.pg.settlement.opsconsole.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kr.co.pg.settlement.events.Job;

/** The Kafka-side operations (the ops-cli's, in-process): what they printed and whether they succeeded. */
public interface OpsCommands {

    record Outcome(boolean ok, String output, String kickoffId) {
    }

    Outcome kickoff(Job job, LocalDate businessDate, String requestedBy);

    Outcome replay(LocalDate businessDate, List<String> groups, boolean execute);

    Outcome redrive(String deadLetterId, boolean execute, String by);

    /** The story of one transaction as text; empty when the transaction is unknown. */
    Optional<String> transactionStory(String transactionId);
}
