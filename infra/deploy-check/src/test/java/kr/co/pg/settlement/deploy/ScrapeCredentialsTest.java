package kr.co.pg.settlement.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The services answer /actuator/prometheus only with the management credential (SECURITY.md), so every Prometheus
 * job that scrapes them sends it, from files (never inline in the configuration): compose's prometheus.yml (files from
 * compose secrets, themselves from SETTLEMENT_MANAGEMENT_USER/PASSWORD of .env) and the Kubernetes example of
 * infra/observability (files from the Secret settlement-management, which the Deployments reference too).
 */
class ScrapeCredentialsTest {

    static final String COMPOSE_PROMETHEUS = "infra/compose/prometheus/prometheus.yml";
    static final String KUBERNETES_SCRAPE = "infra/observability/prometheus/scrape-kubernetes.yml";
    /** Jobs of stand-ins without Spring Security (the KIS simulator). */
    static final List<String> OPEN_JOBS = List.of("kis-simulator");

    @Test
    void everyServiceScrapeSendsTheManagementCredentialFromFiles() {
        for (String file : List.of(COMPOSE_PROMETHEUS, KUBERNETES_SCRAPE)) {
            Map<String, Object> config = Repo.yamlDocuments(Repo.read(Repo.root().resolve(file))).get(0);
            assertThat(Y.list(config, "scrape_configs")).as(file + " jobs").isNotEmpty();
            assertThat(violations(config)).as(file).isEmpty();
        }
    }

    @Test
    void composeHandsPrometheusTheCredentialAsSecretsFromTheEnvironment() {
        Map<String, Object> compose = Repo.yamlDocuments(Repo.read(Repo.root().resolve(
                "infra/compose/docker-compose.yml"))).get(0);
        assertThat(Y.list(compose, "services", "prometheus", "secrets"))
                .containsExactlyInAnyOrder("management-user", "management-password");
        assertThat(Y.text(compose, "secrets", "management-user", "environment")).isEqualTo("SETTLEMENT_MANAGEMENT_USER");
        assertThat(Y.text(compose, "secrets", "management-password", "environment"))
                .isEqualTo("SETTLEMENT_MANAGEMENT_PASSWORD");
    }

    @Test
    void aJobWithoutTheCredentialOrWithAnInlinePasswordIsReported() {
        Map<String, Object> broken = Repo.yamlDocuments("""
                scrape_configs:
                  - job_name: anonymous
                    metrics_path: /actuator/prometheus
                  - job_name: inline
                    basic_auth: { username: ops, password: hunter2-hunter2-hunter2 }
                  - job_name: kis-simulator
                """).get(0);
        assertThat(violations(broken)).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("anonymous").contains("no basic_auth"))
                .anySatisfy(v -> assertThat(v).contains("inline").contains("password_file"));
    }

    static List<String> violations(Map<String, Object> prometheusConfig) {
        List<String> violations = new ArrayList<>();
        for (Object job : Y.list(prometheusConfig, "scrape_configs")) {
            String name = Y.text(job, "job_name");
            if (OPEN_JOBS.contains(name)) {
                continue;
            }
            Map<String, Object> auth = Y.map(job, "basic_auth");
            if (auth.isEmpty()) {
                violations.add("job " + name + ": no basic_auth - the services answer 401 without the management credential");
            } else if (auth.containsKey("password") || Y.text(auth, "password_file") == null
                    || Y.text(auth, "username") == null && Y.text(auth, "username_file") == null) {
                violations.add("job " + name + ": basic_auth needs username_file (or username) and password_file,"
                        + " never an inline password");
            }
        }
        return violations;
    }
}
