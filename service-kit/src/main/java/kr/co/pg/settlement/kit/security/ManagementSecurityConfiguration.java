package kr.co.pg.settlement.kit.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;

/**
 * Import into a service: every HTTP endpoint needs HTTP Basic with the {@link ManagementCredential}, except
 * {@code /actuator/health} (its status only: components and details are shown to authenticated callers, with
 * {@code management.endpoint.health.show-details/show-components=when-authorized}) and the Kubernetes probes
 * {@code /actuator/health/liveness} and {@code /actuator/health/readiness}. Stateless: no session, no CSRF token (no
 * browser logs in here). Without a configured credential the service runs and refuses every protected request (401),
 * saying so at start-up. Works for Spring MVC and WebFlux services alike; the management server on the service's
 * own port (no {@code management.server.port}).
 */
@Configuration(proxyBeanMethods = false)
public class ManagementSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ManagementSecurityConfiguration.class);
    private static final String ROLE = "ROLE_MANAGEMENT";

    @Bean
    ManagementCredential managementCredential(@Value("${" + ManagementCredential.USER_PROPERTY + ":}") String user,
                                              @Value("${" + ManagementCredential.PASSWORD_PROPERTY + ":}") String password,
                                              @Value("${spring.config.name:service}") String service) {
        ManagementCredential credential = ManagementCredential.of(user, password);
        if (!credential.configured()) {
            log.warn("{}: no management credential: every HTTP endpoint but the health status and the liveness and"
                            + " readiness probes answers 401 (metrics cannot be scraped, the service's API cannot be read)."
                            + " Set {} and {} (at least {} characters) to open them to that user.", service,
                    ManagementCredential.USER_VARIABLE, ManagementCredential.PASSWORD_VARIABLE,
                    ManagementCredential.MIN_PASSWORD_LENGTH);
        }
        return credential;
    }

    @Bean
    OpenPaths managementOpenPaths(@Value("${management.endpoints.web.base-path:/actuator}") String basePath) {
        return new OpenPaths(basePath);
    }

    /** The paths anyone may read: the health status and the probes, all without details. */
    record OpenPaths(String basePath) {
        String[] paths() {
            String base = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
            return List.of(base + "/health", base + "/health/liveness", base + "/health/readiness").toArray(String[]::new);
        }
    }

    static Authentication authenticate(ManagementCredential credential, Authentication request) {
        String user = request.getName();
        Object password = request.getCredentials();
        if (!credential.matches(user, password == null ? null : password.toString())) {
            // the same answer for an unknown user, a wrong password and no configured credential
            throw new BadCredentialsException("bad management credential");
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, AuthorityUtils.createAuthorityList(ROLE));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @EnableWebSecurity
    static class ServletManagementSecurity {

        @Bean
        AuthenticationManager managementAuthenticationManager(ManagementCredential credential) {
            return request -> authenticate(credential, request);
        }

        @Bean
        SecurityFilterChain managementSecurityFilterChain(HttpSecurity http, AuthenticationManager managementAuthenticationManager,
                                                          OpenPaths open) throws Exception {
            return http.authenticationManager(managementAuthenticationManager)
                    .authorizeHttpRequests(requests -> requests
                            .requestMatchers(open.paths()).permitAll()
                            .anyRequest().authenticated())
                    .httpBasic(basic -> basic.realmName("settlement-management"))
                    .csrf(AbstractHttpConfigurer::disable)
                    .logout(AbstractHttpConfigurer::disable)
                    .requestCache(AbstractHttpConfigurer::disable)
                    .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @EnableWebFluxSecurity
    static class ReactiveManagementSecurity {

        @Bean
        ReactiveAuthenticationManager managementAuthenticationManager(ManagementCredential credential) {
            return request -> {
                try {
                    return Mono.just(authenticate(credential, request));
                } catch (AuthenticationException e) {
                    return Mono.error(e);
                }
            };
        }

        @Bean
        SecurityWebFilterChain managementSecurityFilterChain(ServerHttpSecurity http,
                                                             ReactiveAuthenticationManager managementAuthenticationManager,
                                                             OpenPaths open) {
            return http.authenticationManager(managementAuthenticationManager)
                    .authorizeExchange(exchanges -> exchanges
                            .pathMatchers(open.paths()).permitAll()
                            .anyExchange().authenticated())
                    .httpBasic(basic -> basic.authenticationManager(managementAuthenticationManager))
                    .csrf(ServerHttpSecurity.CsrfSpec::disable)
                    .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                    .logout(ServerHttpSecurity.LogoutSpec::disable)
                    .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                    .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                    .build();
        }
    }
}
