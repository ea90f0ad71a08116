package kr.co.pg.settlement.scheduler.adapter.in.scheduling;

import java.util.Map;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.scheduler.application.ScheduledKickoffs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/** Registers one cron trigger (in the configured zone) per enabled job. */
@Component
class KickoffTriggers implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(KickoffTriggers.class);

    private final SchedulerProperties properties;
    private final ScheduledKickoffs kickoffs;

    KickoffTriggers(SchedulerProperties properties, ScheduledKickoffs kickoffs) {
        this.properties = properties;
        this.kickoffs = kickoffs;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        for (Map.Entry<Job, SchedulerProperties.JobSchedule> entry : properties.schedules().entrySet()) {
            Job job = entry.getKey();
            SchedulerProperties.JobSchedule schedule = entry.getValue();
            if (!schedule.isEnabled()) {
                log.info("Job {} is disabled (settlement.scheduler): no kick-offs are sent for it", job);
                continue;
            }
            registrar.addCronTask(new CronTask(() -> fire(job),
                    new CronTrigger(schedule.cron(), properties.zone())));
            log.info("Job {} scheduled: cron '{}' in {}", job, schedule.cron(), properties.zone());
        }
    }

    private void fire(Job job) {
        try {
            kickoffs.fire(job);
        } catch (RuntimeException e) {
            // already logged with what to do; keep the schedule alive for the next day
            log.debug("kick-off of {} failed", job, e);
        }
    }
}
