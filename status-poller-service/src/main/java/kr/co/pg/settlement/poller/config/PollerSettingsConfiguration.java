package kr.co.pg.settlement.poller.config;

import java.nio.file.Path;
import java.time.Duration;
import kr.co.pg.settlement.poller.application.PollerSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PollerSettingsConfiguration {

    @Bean
    PollerSettings pollerSettings(@Value("${settlement.poller.interval:30s}") Duration interval,
                                  @Value("${settlement.poller.max-backoff:15m}") Duration maxBackoff,
                                  @Value("${settlement.poller.records-per-event:5000}") int recordsPerEvent,
                                  @Value("${settlement.poller.parallelism:4}") int parallelism,
                                  @Value("${settlement.poller.work-dir:${java.io.tmpdir}/kis-poller}") Path workDir,
                                  @Value("${settlement.poller.batch-limit:200}") int batchLimit,
                                  @Value("${settlement.poller.claim-lease:2m}") Duration claimLease) {
        return new PollerSettings(interval, maxBackoff, recordsPerEvent, parallelism, workDir, batchLimit, claimLease);
    }
}
