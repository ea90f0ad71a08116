package kr.co.pg.settlement.kit.kis;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Import into a service on Reactor Netty: own event loops instead of the JVM-global ones, so closing this service
 * does not dispose the loops of other services running in the same JVM (tests and the e2e suite start several).
 */
@Configuration(proxyBeanMethods = false)
public class ReactorNettyConfiguration {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }
}
