package kr.co.pg.settlement.scheduler.adapter.in.scheduling;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import kr.co.pg.settlement.scheduler.application.Timetable;
import org.springframework.scheduling.support.CronExpression;

/** A Spring cron expression (second minute hour day-of-month month day-of-week) evaluated in a zone. */
public final class CronTimetable implements Timetable {

    private final String cron;
    private final CronExpression expression;
    private final ZoneId zone;

    public CronTimetable(String cron, ZoneId zone) {
        this.cron = cron;
        this.expression = CronExpression.parse(cron);
        this.zone = zone;
    }

    @Override
    public ZonedDateTime next(ZonedDateTime after) {
        return expression.next(after.withZoneSameInstant(zone));
    }

    @Override
    public String describe() {
        return cron + " in " + zone;
    }
}
