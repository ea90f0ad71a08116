package kr.co.pg.settlement.scheduler.adapter.in.scheduling;

import java.time.Duration;
import kr.co.pg.settlement.scheduler.application.KickoffScheduler;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Ticks the scheduler every {@code tick}: each tick sends whatever slot became due (or was missed). A tick is a
 * cheap computation on a standby and when nothing is due, so a short tick costs nothing and bounds the delay.
 */
public final class Ticker implements SchedulingConfigurer {

    private final KickoffScheduler scheduler;
    private final Duration tick;

    public Ticker(KickoffScheduler scheduler, Duration tick) {
        this.scheduler = scheduler;
        this.tick = tick;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(scheduler::tick, tick);
    }
}
