package kr.co.pg.settlement.scheduler.application;

import java.time.ZonedDateTime;

/** When a job's schedule fires (a cron expression in a zone, for instance). */
public interface Timetable {

    /** The first firing strictly after {@code after}, or null when there is none. */
    ZonedDateTime next(ZonedDateTime after);

    /** For people: e.g. {@code 0 15 7 * * MON-FRI in Asia/Seoul}. */
    String describe();
}
