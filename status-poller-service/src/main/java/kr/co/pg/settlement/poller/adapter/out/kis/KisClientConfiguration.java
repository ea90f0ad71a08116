package kr.co.pg.settlement.poller.adapter.out.kis;

import java.time.Clock;
import java.time.Duration;
import kr.co.pg.settlement.kis.client.KisClient;
import kr.co.pg.settlement.kis.client.KisClientConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KisClientConfiguration {

    @Bean(destroyMethod = "close")
    KisClient kisClient(@Value("${kis.base-url}") String baseUrl,
                        @Value("${kis.client-id}") String clientId,
                        @Value("${kis.secret}") String secret,
                        @Value("${kis.connect-timeout:5s}") Duration connectTimeout,
                        @Value("${kis.response-timeout:30s}") Duration responseTimeout,
                        @Value("${kis.write-timeout:30s}") Duration writeTimeout,
                        Clock clock) {
        return new KisClient(new KisClientConfig(baseUrl, clientId, secret, connectTimeout, responseTimeout,
                writeTimeout, 1024 * 1024), clock);
    }
}
