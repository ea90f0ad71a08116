package kr.co.pg.settlement.scheduler.adapter.in.scheduling;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.co.pg.settlement.events.Job;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.support.CronExpression;

/**
 * {@code settlement.scheduler.*}: the jobs' schedules (Spring cron: second minute hour day month weekday), in
 * {@link #zone()}. Defaults are domain.md's; each can be overridden or disabled in application.yml / env.
 */
@ConfigurationProperties("settlement.scheduler")
public record SchedulerProperties(
        ZoneId zone,
        JobSchedule registrationRequest,
        JobSchedule registrationResult,
        JobSchedule settlementRequest,
        JobSchedule settlementResult,
        int sendAttempts,
        Duration retryDelay) {

    public static final String REGISTRATION_REQUEST_CRON = "0 15 6 * * MON-FRI";
    public static final String REGISTRATION_RESULT_CRON = "0 15 6 * * *";
    public static final String SETTLEMENT_REQUEST_CRON = "0 15 7 * * MON-FRI";
    public static final String SETTLEMENT_RESULT_CRON = "0 15 7 * * *";

    public record JobSchedule(String cron, Boolean enabled) {
        JobSchedule withDefaults(String defaultCron) {
            return new JobSchedule(cron == null || cron.isBlank() ? defaultCron : cron.trim(),
                    enabled == null || enabled);
        }

        public boolean isEnabled() {
            return enabled == null || enabled;
        }
    }

    public SchedulerProperties {
        zone = zone == null ? ZoneId.of("Asia/Seoul") : zone;
        registrationRequest = orEmpty(registrationRequest).withDefaults(REGISTRATION_REQUEST_CRON);
        registrationResult = orEmpty(registrationResult).withDefaults(REGISTRATION_RESULT_CRON);
        settlementRequest = orEmpty(settlementRequest).withDefaults(SETTLEMENT_REQUEST_CRON);
        settlementResult = orEmpty(settlementResult).withDefaults(SETTLEMENT_RESULT_CRON);
        sendAttempts = sendAttempts <= 0 ? 20 : sendAttempts;
        retryDelay = retryDelay == null ? Duration.ofSeconds(30) : retryDelay;
        for (Map.Entry<Job, JobSchedule> entry : byJob(registrationRequest, registrationResult, settlementRequest,
                settlementResult).entrySet()) {
            if (!CronExpression.isValidExpression(entry.getValue().cron())) {
                throw new IllegalArgumentException("settlement.scheduler: cron '" + entry.getValue().cron()
                        + "' of job " + entry.getKey() + " is not a valid Spring cron expression "
                        + "(6 fields: second minute hour day-of-month month day-of-week, e.g. '0 15 7 * * MON-FRI')");
            }
        }
    }

    /** All four jobs with their schedules, in domain.md order. */
    public Map<Job, JobSchedule> schedules() {
        return byJob(registrationRequest, registrationResult, settlementRequest, settlementResult);
    }

    private static Map<Job, JobSchedule> byJob(JobSchedule registrationRequest, JobSchedule registrationResult,
                                               JobSchedule settlementRequest, JobSchedule settlementResult) {
        Map<Job, JobSchedule> map = new LinkedHashMap<>();
        map.put(Job.SUBMERCHANT_REGISTRATION_REQUEST, registrationRequest);
        map.put(Job.SUBMERCHANT_REGISTRATION_RESULT, registrationResult);
        map.put(Job.DIFF_SETTLEMENT_REQUEST, settlementRequest);
        map.put(Job.DIFF_SETTLEMENT_RESULT, settlementResult);
        return map;
    }

    private static JobSchedule orEmpty(JobSchedule schedule) {
        return schedule == null ? new JobSchedule(null, null) : schedule;
    }

    /** The defaults alone (domain.md), for tests and documentation. */
    public static SchedulerProperties defaults() {
        return new SchedulerProperties(null, null, null, null, null, 0, null);
    }
}
