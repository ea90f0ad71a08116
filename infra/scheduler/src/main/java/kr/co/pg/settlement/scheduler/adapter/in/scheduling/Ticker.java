package kr.co.pg.settlement.scheduler.adapter.in.scheduling;

import java.time.Duration;
import kr.co.pg.settlement.scheduler.application.HolidayDataWatch;
import kr.co.pg.settlement.scheduler.application.KickoffScheduler;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Ticks the scheduler every {@code tick}: each tick sends whatever slot became due (or was missed). A tick is a
 * cheap computation on a standby and when nothing is due, so a short tick costs nothing and bounds the delay.
 * Hourly, the holiday data is checked for this year and the next (an ERROR a day while a file is missing).
 */
public record Ticker(KickoffScheduler scheduler, HolidayDataWatch holidayDataWatch, Duration tick)
        implements SchedulingConfigurer {

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(scheduler::tick, tick);
        registrar.addFixedDelayTask(holidayDataWatch::check, Duration.ofHours(1));
    }
}
