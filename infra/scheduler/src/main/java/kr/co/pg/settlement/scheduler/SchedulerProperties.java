package kr.co.pg.settlement.scheduler;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.co.pg.settlement.events.Job;
import kr.co.pg.settlement.events.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.support.CronExpression;

/**
 * {@code settlement.scheduler.*}: the jobs' schedules (Spring cron: second minute hour day-of-month month
 * day-of-week) each in its zone (default {@link #zone()}, Asia/Seoul), holiday data, catch-up and Kafka names.
 * Defaults are domain.md's; see scheduler.yml for the environment variables.
 */
@ConfigurationProperties("settlement.scheduler")
public record SchedulerProperties(
        ZoneId zone,
        JobSchedule registrationRequest,
        JobSchedule registrationResult,
        JobSchedule settlementRequest,
        JobSchedule settlementResult,
        Duration catchUpWindow,
        Duration tick,
        Duration ackTimeout,
        Holidays holidays,
        Kafka kafka) {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    public static final String REGISTRATION_REQUEST_CRON = "0 15 6 * * MON-FRI";
    public static final String REGISTRATION_RESULT_CRON = "0 15 6 * * *";
    public static final String SETTLEMENT_REQUEST_CRON = "0 15 7 * * MON-FRI";
    public static final String SETTLEMENT_RESULT_CRON = "0 15 7 * * *";
    /** Scheduler-internal: the single-partition topic whose consumer group elects the leader (carries no records). */
    public static final String LEADER_TOPIC = "settlement.scheduler.leader.v1";
    public static final String LEADER_GROUP = "settlement-scheduler-leader";

    /**
     * @param zone          null = the scheduler's zone
     * @param skipHolidays  null = request jobs skip public holidays, result jobs run every day
     */
    public record JobSchedule(String cron, ZoneId zone, Boolean enabled, Boolean skipHolidays) {

        public boolean isEnabled() {
            return enabled == null || enabled;
        }
    }

    /** @param directory year files ({@code 2028.txt}) that replace or add to the shipped ones; blank = none */
    public record Holidays(String directory) {

        public Path directoryPath() {
            return directory == null || directory.isBlank() ? null : Path.of(directory.trim());
        }
    }

    /**
     * @param kickoffTopic   where kick-offs go (events.md: settlement.kickoff.v1)
     * @param leaderTopic    the leader-election topic
     * @param leaderGroup    the leader-election consumer group
     * @param sessionTimeout how long a dead leader keeps leadership before a standby takes over
     */
    public record Kafka(String kickoffTopic, String leaderTopic, String leaderGroup, Duration sessionTimeout) {
    }

    public SchedulerProperties {
        zone = zone == null ? SEOUL : zone;
        registrationRequest = complete(Job.SUBMERCHANT_REGISTRATION_REQUEST, registrationRequest,
                REGISTRATION_REQUEST_CRON, zone);
        registrationResult = complete(Job.SUBMERCHANT_REGISTRATION_RESULT, registrationResult,
                REGISTRATION_RESULT_CRON, zone);
        settlementRequest = complete(Job.DIFF_SETTLEMENT_REQUEST, settlementRequest, SETTLEMENT_REQUEST_CRON, zone);
        settlementResult = complete(Job.DIFF_SETTLEMENT_RESULT, settlementResult, SETTLEMENT_RESULT_CRON, zone);
        catchUpWindow = catchUpWindow == null ? Duration.ofHours(6) : catchUpWindow;
        if (catchUpWindow.isNegative()) {
            throw new IllegalArgumentException("settlement.scheduler.catch-up-window must not be negative: "
                    + catchUpWindow);
        }
        tick = tick == null || tick.isZero() || tick.isNegative() ? Duration.ofSeconds(1) : tick;
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(30) : ackTimeout;
        holidays = holidays == null ? new Holidays(null) : holidays;
        kafka = complete(kafka);
    }

    /** All four jobs with their schedules, in domain.md order. */
    public Map<Job, JobSchedule> schedules() {
        Map<Job, JobSchedule> map = new LinkedHashMap<>();
        map.put(Job.SUBMERCHANT_REGISTRATION_REQUEST, registrationRequest);
        map.put(Job.SUBMERCHANT_REGISTRATION_RESULT, registrationResult);
        map.put(Job.DIFF_SETTLEMENT_REQUEST, settlementRequest);
        map.put(Job.DIFF_SETTLEMENT_RESULT, settlementResult);
        return map;
    }

    /** The defaults alone (domain.md), for tests and documentation. */
    public static SchedulerProperties defaults() {
        return new SchedulerProperties(null, null, null, null, null, null, null, null, null, null);
    }

    private static JobSchedule complete(Job job, JobSchedule schedule, String defaultCron, ZoneId defaultZone) {
        JobSchedule s = schedule == null ? new JobSchedule(null, null, null, null) : schedule;
        String cron = s.cron() == null || s.cron().isBlank() ? defaultCron : s.cron().trim();
        if (!CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("settlement.scheduler: cron '" + cron + "' of job " + job
                    + " is not a valid Spring cron expression "
                    + "(6 fields: second minute hour day-of-month month day-of-week, e.g. '0 15 7 * * MON-FRI')");
        }
        return new JobSchedule(cron, s.zone() == null ? defaultZone : s.zone(), s.isEnabled(),
                s.skipHolidays() == null ? job.isRequestJob() : s.skipHolidays());
    }

    private static Kafka complete(Kafka kafka) {
        Kafka k = kafka == null ? new Kafka(null, null, null, null) : kafka;
        return new Kafka(orDefault(k.kickoffTopic(), Topics.KICKOFF), orDefault(k.leaderTopic(), LEADER_TOPIC),
                orDefault(k.leaderGroup(), LEADER_GROUP),
                k.sessionTimeout() == null ? Duration.ofSeconds(10) : k.sessionTimeout());
    }

    private static String orDefault(String value, String defaultValue) {
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }
}
