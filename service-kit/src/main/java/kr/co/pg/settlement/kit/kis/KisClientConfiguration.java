package kr.co.pg.settlement.kit.kis;

import java.time.Clock;
import kr.co.pg.settlement.kis.client.KisClient;
import kr.co.pg.settlement.kis.client.KisClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Import into a service that calls KIS: the KIS client from the {@code kis.*} settings ({@link KisClientSettings}):
 * https with the configured trust store and optional client certificate; plain HTTP only with
 * {@code kis.allow-plain-http=true}; the HMAC key from {@code KIS_SECRET} or from {@code KIS_SECRET_FILE}, re-read on
 * change (key rotation without restart). Needs a {@link Clock} bean.
 */
@Configuration(proxyBeanMethods = false)
public class KisClientConfiguration {

    @Bean(destroyMethod = "close")
    KisClient kisClient(Environment environment, Clock clock) {
        return new KisClient(KisClientSettings.from(environment), clock);
    }
}
