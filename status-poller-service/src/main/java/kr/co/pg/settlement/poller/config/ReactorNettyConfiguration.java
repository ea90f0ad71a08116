package kr.co.pg.settlement.poller.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Own Reactor Netty event loops instead of the JVM-global ones: closing this service must not dispose the loops
 * of other services running in the same JVM (tests and the e2e suite start several).
 */
@Configuration(proxyBeanMethods = false)
class ReactorNettyConfiguration {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }
}
