package kr.co.pg.settlement.opsconsole.config;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Form login for everything but the health endpoint. {@code viewer} reads; {@code operator} also runs the actions
 * (POST /api/actions/**). CSRF on: the token is in the XSRF-TOKEN cookie and /api/me; the page's script sends it as
 * the X-XSRF-TOKEN header. The API answers 401 (not a redirect to the login page) when not logged in.
 */
@Configuration
class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(path.matcher("/actuator/health"), path.matcher("/actuator/health/**"),
                                path.matcher("/login"), path.matcher("/error")).permitAll()
                        .requestMatchers(path.matcher(HttpMethod.POST, "/api/actions/**")).hasRole("OPERATOR")
                        .anyRequest().hasAnyRole("VIEWER", "OPERATOR"))
                .formLogin(f -> f.defaultSuccessUrl("/", false))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), path.matcher("/api/**")))
                .csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Users from {@code ops.users} (OPS_USERS). Outside the demo profile there is no default user and no default
     * password: without users the console does not start. The demo profile adds demo-viewer and demo-operator with
     * random passwords, printed once at start-up.
     */
    @Bean
    UserDetailsService users(@Value("${ops.users:}") String spec, @Value("${ops.demo-users:false}") boolean demoUsers) {
        List<OpsUsers.User> users = new ArrayList<>(OpsUsers.parse(spec));
        if (demoUsers) {
            BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
            for (OpsUsers.Role role : OpsUsers.Role.values()) {
                String name = "demo-" + role.name().toLowerCase(java.util.Locale.ROOT);
                String password = randomPassword();
                users.add(new OpsUsers.User(name, role, "{bcrypt}" + bcrypt.encode(password)));
                log.warn("DEMO profile: user {} password {} (role {}); never use the demo profile in production",
                        name, password, role.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (users.isEmpty()) {
            throw new IllegalStateException("no console users: set OPS_USERS=\"name:operator|viewer:{bcrypt}HASH,...\""
                    + " (hash e.g. with `htpasswd -nbBC 10 NAME PASSWORD`), or run with the demo profile");
        }
        List<UserDetails> details = users.stream().map(u -> User.withUsername(u.name()).password(u.passwordHash())
                .roles(u.role() == OpsUsers.Role.OPERATOR ? new String[] {"OPERATOR", "VIEWER"} : new String[] {"VIEWER"})
                .build()).toList();
        return new InMemoryUserDetailsManager(details);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
