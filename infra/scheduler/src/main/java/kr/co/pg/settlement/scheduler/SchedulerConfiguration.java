package kr.co.pg.settlement.scheduler;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.kit.tracing.TracingConfiguration;
import kr.co.pg.settlement.scheduler.adapter.in.kafka.KafkaLeadership;
import kr.co.pg.settlement.scheduler.adapter.in.scheduling.CronTimetable;
import kr.co.pg.settlement.scheduler.adapter.in.scheduling.Ticker;
import kr.co.pg.settlement.scheduler.adapter.out.holidays.HolidayFiles;
import kr.co.pg.settlement.scheduler.adapter.out.kafka.KafkaKickoffHistory;
import kr.co.pg.settlement.scheduler.adapter.out.kafka.KickoffSender;
import kr.co.pg.settlement.scheduler.application.HolidayCalendar;
import kr.co.pg.settlement.scheduler.application.HolidayDataWatch;
import kr.co.pg.settlement.scheduler.application.JobPlan;
import kr.co.pg.settlement.scheduler.application.KickoffScheduler;
import kr.co.pg.settlement.scheduler.application.ScheduleOverview;
import kr.co.pg.settlement.scheduler.application.SlotPlanner;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

/** Each kick-off sent begins a trace of its own (its traceparent header: settlement.tracing.new-trace-per-record). */
@Configuration(proxyBeanMethods = false)
@Import(TracingConfiguration.class)
class SchedulerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SchedulerConfiguration.class);

    @Bean
    Clock clock(SchedulerProperties properties) {
        return Clock.system(properties.zone());
    }

    @Bean
    HolidayCalendar holidayCalendar(SchedulerProperties properties) {
        return HolidayFiles.load(properties.holidays().directoryPath());
    }

    @Bean
    SlotPlanner slotPlanner(SchedulerProperties properties, HolidayCalendar holidays) {
        List<JobPlan> plans = new ArrayList<>();
        properties.schedules().forEach((job, schedule) -> {
            if (!schedule.isEnabled()) {
                log.info("Job {} is disabled (settlement.scheduler): no kick-offs are sent for it", job);
                return;
            }
            plans.add(new JobPlan(job, new CronTimetable(schedule.cron(), schedule.zone()), schedule.skipHolidays()));
            log.info("Job {} scheduled: cron '{}' in {}, {}", job, schedule.cron(), schedule.zone(),
                    schedule.skipHolidays() ? "not on public holidays" : "every day including public holidays");
        });
        return new SlotPlanner(plans, holidays);
    }

    @Bean
    @SuppressWarnings("unchecked")
    KickoffSender kickoffSender(ProducerFactory<?, ?> producerFactory, Clock clock, SchedulerProperties properties) {
        return new KickoffSender((Producer<String, byte[]>) (Producer<?, ?>) producerFactory.createProducer(),
                properties.kafka().kickoffTopic(), clock, properties.ackTimeout());
    }

    @Bean
    KickoffScheduler kickoffScheduler(SlotPlanner planner, KickoffSender sender, Clock clock,
                                      SchedulerProperties properties, KafkaProperties kafka) {
        KafkaKickoffHistory history = new KafkaKickoffHistory(kafkaConnection(kafka),
                properties.kafka().kickoffTopic(), properties.ackTimeout());
        return new KickoffScheduler(planner, sender, history, clock, properties.catchUpWindow());
    }

    @Bean
    HolidayDataWatch holidayDataWatch(HolidayCalendar holidays, Clock clock) {
        HolidayDataWatch watch = new HolidayDataWatch(holidays, clock);
        watch.check();
        return watch;
    }

    @Bean
    ScheduleOverview scheduleOverview(SlotPlanner planner, KickoffScheduler scheduler, HolidayDataWatch watch,
                                      Clock clock) {
        return new ScheduleOverview(planner, scheduler, watch, clock);
    }

    @Bean
    Ticker ticker(KickoffScheduler scheduler, HolidayDataWatch watch, SchedulerProperties properties) {
        return new Ticker(scheduler, watch, properties.tick());
    }

    @Bean
    KafkaLeadership kafkaLeadership(KickoffScheduler scheduler, SchedulerProperties properties,
                                    KafkaProperties kafka) {
        return new KafkaLeadership(kafkaConnection(kafka), properties.kafka().leaderTopic(),
                properties.kafka().leaderGroup(), properties.kafka().sessionTimeout(), scheduler);
    }

    @Bean
    KafkaAdmin.NewTopics settlementTopics(TopicDeclarations topics, SchedulerProperties properties) {
        return new KafkaAdmin.NewTopics(topics.declare(properties.kafka().kickoffTopic(),
                properties.kafka().leaderTopic()));
    }

    /**
     * Bootstrap servers and security (spring.kafka.*: SASL_SSL, trust store, SCRAM login) for the scheduler's own
     * consumers, the same as its producer's.
     */
    private static Map<String, Object> kafkaConnection(KafkaProperties kafka) {
        return kafka.buildConsumerProperties();
    }
}
