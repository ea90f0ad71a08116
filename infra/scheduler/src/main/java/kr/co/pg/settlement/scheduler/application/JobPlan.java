package kr.co.pg.settlement.scheduler.application;

import kr.co.pg.settlement.events.Job;

/** An enabled job: when it fires and whether its slots on public holidays are skipped. */
public record JobPlan(Job job, Timetable timetable, boolean skipsHolidays) {
}
