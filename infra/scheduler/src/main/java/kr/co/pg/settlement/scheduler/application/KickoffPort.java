package kr.co.pg.settlement.scheduler.application;

import java.time.LocalDate;
import kr.co.pg.settlement.events.Job;

/** Delivers one kick-off; returns once the broker has it (or throws). */
public interface KickoffPort {

    /**
     * Sends the kick-off {@code kickoffId}. Sending the same id again is harmless: consumers run a kick-off id once.
     *
     * @throws KickoffNotSentException when the broker did not acknowledge it
     */
    void send(String kickoffId, Job job, LocalDate businessDate, String requestedBy);
}
