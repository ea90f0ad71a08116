package kr.co.pg.settlement.kit.kis;

import java.time.Clock;
import kr.co.pg.settlement.kis.client.KisClient;
import kr.co.pg.settlement.kis.client.KisClientSettings;
import kr.co.pg.settlement.kit.tracing.TraceparentExchangeFilter;
import kr.co.pg.settlement.kit.tracing.Traceparents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Import into a service that calls KIS: the KIS client from the {@code kis.*} settings ({@link KisClientSettings}):
 * https with the configured trust store and optional client certificate; plain HTTP only with
 * {@code kis.allow-plain-http=true}; the HMAC key from {@code KIS_SECRET} or from {@code KIS_SECRET_FILE}, re-read on
 * change (key rotation without restart). Needs a {@link Clock} bean. With the service kit's tracing imported, every
 * request carries the current trace's {@code traceparent}.
 */
@Configuration(proxyBeanMethods = false)
public class KisClientConfiguration {

    @Bean(destroyMethod = "close")
    KisClient kisClient(Environment environment, Clock clock, ObjectProvider<Traceparents> traceparents) {
        Traceparents current = traceparents.getIfAvailable();
        return current == null ? new KisClient(KisClientSettings.from(environment), clock)
                : new KisClient(KisClientSettings.from(environment), clock, new TraceparentExchangeFilter(current));
    }
}
