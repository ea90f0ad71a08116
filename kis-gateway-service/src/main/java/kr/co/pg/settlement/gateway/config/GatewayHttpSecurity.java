package kr.co.pg.settlement.gateway.config;

import kr.co.pg.settlement.kit.security.ManagementSecurityConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The actuator (no web API of its own) answers only to the management credential (SETTLEMENT_MANAGEMENT_USER,
 * SETTLEMENT_MANAGEMENT_PASSWORD), except the health status and the liveness and readiness probes (SECURITY.md).
 */
@Configuration(proxyBeanMethods = false)
@Import(ManagementSecurityConfiguration.class)
class GatewayHttpSecurity {
}
