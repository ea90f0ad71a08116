package kr.co.pg.settlement.collector.config;

import kr.co.pg.settlement.kit.security.ManagementSecurityConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The day report (GET /api/reports/day/{date}) and the actuator answer only to the management credential (SETTLEMENT_MANAGEMENT_USER,
 * SETTLEMENT_MANAGEMENT_PASSWORD), except the health status and the liveness and readiness probes (SECURITY.md).
 */
@Configuration(proxyBeanMethods = false)
@Import(ManagementSecurityConfiguration.class)
class CollectorHttpSecurity {
}
