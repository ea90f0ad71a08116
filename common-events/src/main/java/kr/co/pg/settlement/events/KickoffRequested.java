package kr.co.pg.settlement.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A kick-off as fixed by events.md. Build it from untrusted bytes with {@link KickoffParser}, never by
 * binding JSON directly: a bad message must name its fault and go to the dead-letter topic.
 */
public record KickoffRequested(String kickoffId, Job job, LocalDate businessDate, OffsetDateTime requestedAt,
                               String requestedBy) implements SettlementEvent {

    @Override
    public String eventId() {
        return kickoffId;
    }

    @Override
    public String key() {
        return job.name();
    }
}
