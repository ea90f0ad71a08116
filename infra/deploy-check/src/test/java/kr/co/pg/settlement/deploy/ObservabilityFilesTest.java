package kr.co.pg.settlement.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the Prometheus alert rules of infra/observability use only metrics the services export:
 * the names of each service's {@code config/observability/MetricNames} (the constants the services register their
 * meters with; CollectorObservabilityTest, GatewayObservabilityTest and PollerObservabilityTest scrape started
 * services for them), with Prometheus' suffixes, or the standard meters of Spring Boot, Kafka's clients and
 * resilience4j. A misspelt or removed metric fails here instead of showing an empty panel or an alert that never fires.
 */
class ObservabilityFilesTest {

    static final List<String> METRIC_NAME_FILES = List.of(
            "collector-service/src/main/java/kr/co/pg/settlement/collector/config/observability/MetricNames.java",
            "status-poller-service/src/main/java/kr/co/pg/settlement/poller/config/observability/MetricNames.java",
            // the gateway's MetricNames names only these two, shared by the gateway and the poller since service-kit
            "service-kit/src/main/java/kr/co/pg/settlement/kit/kis/KisCallTimer.java",
            "service-kit/src/main/java/kr/co/pg/settlement/kit/metrics/DeadLetterGauges.java");
    static final Path DASHBOARD = Path.of("infra/observability/grafana/dashboards/settlement-overview.json");
    static final Path ALERTS = Path.of("infra/observability/prometheus/alerts.yml");

    /** Exported by Boot (JVM, HTTP, Hikari, process), Kafka's clients (Boot's Micrometer listeners), resilience4j and
     * Prometheus itself ({@code up}). */
    static final Pattern STANDARD = Pattern.compile(
            "up|(jvm|http|process|system|hikaricp|kafka_consumer|kafka_producer|resilience4j|application)_[a-z0-9_]+");
    /** What Prometheus appends to a Micrometer name: counters, timers (seconds), histograms. */
    static final List<String> SUFFIXES = List.of("", "_total", "_count", "_sum", "_max", "_bucket", "_seconds",
            "_seconds_count", "_seconds_sum", "_seconds_max", "_seconds_bucket");

    private static final Pattern CONSTANT = Pattern.compile("=\\s*\"(settlement\\.[a-z0-9.]+)\"");
    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "bool", "offset", "inf", "nan");

    @Test
    void everyMetricOfTheDashboardAndTheAlertsIsExported() {
        Set<String> exported = exportedNames();
        Map<String, String> expressions = new LinkedHashMap<>();
        expressions.putAll(dashboardExpressions());
        expressions.putAll(alertExpressions());
        assertThat(expressions).as("expressions found").hasSizeGreaterThan(20);
        assertThat(unknownMetrics(expressions, exported)).isEmpty();
    }

    @Test
    void everyCustomMetricIsShownOrAlertedOn() {
        Map<String, String> expressions = new LinkedHashMap<>();
        expressions.putAll(dashboardExpressions());
        expressions.putAll(alertExpressions());
        Set<String> used = new TreeSet<>();
        expressions.values().forEach(e -> used.addAll(metricNames(e)));
        List<String> unused = new ArrayList<>();
        for (String constant : metricConstants()) {
            String base = constant.replace('.', '_');
            if (SUFFIXES.stream().noneMatch(s -> used.contains(base + s))) {
                unused.add(constant);
            }
        }
        assertThat(unused).as("MetricNames constants used by no panel of " + DASHBOARD + " and no rule of " + ALERTS)
                .isEmpty();
    }

    @Test
    void theCheckFindsAMisspeltMetricAndIgnoresFunctionsLabelsAndStrings() {
        Set<String> exported = Set.of("settlement_rows", "settlement_kis_calls_seconds_bucket");
        String good = "histogram_quantile(0.95, sum by (le, service) (rate(settlement_kis_calls_seconds_bucket[5m])))"
                + " and on() max by (flow) (settlement_rows{flow=\"settlement\", status=~\"SENT|not_a_metric\"}) > 0"
                + " or vector(0) and on() (hour(vector(time() + 32400)) >= 9)";
        assertThat(unknownMetrics(Map.of("good", good), exported)).isEmpty();
        assertThat(unknownMetrics(Map.of("bad", "max(settlement_row_stuck) > 0 and up == 0"), exported))
                .containsExactly("bad: settlement_row_stuck");
        assertThat(metricNames("sum without (instance) (jvm_memory_used_bytes{area=\"heap\"}) / ignoring(x)"
                + " group_left(y) jvm_memory_max_bytes offset 5m")).containsExactly("jvm_memory_max_bytes",
                "jvm_memory_used_bytes");
    }

    /** "where: metric" for every metric name of the expressions that is neither exported nor standard. */
    static List<String> unknownMetrics(Map<String, String> expressions, Set<String> exported) {
        List<String> unknown = new ArrayList<>();
        expressions.forEach((where, expr) -> {
            for (String name : metricNames(expr)) {
                if (!exported.contains(name) && !STANDARD.matcher(name).matches()) {
                    unknown.add(where + ": " + name);
                }
            }
        });
        return unknown;
    }

    /** The metric names a PromQL expression selects (functions, keywords, label matchers, groupings, strings and
     * durations removed). */
    static Set<String> metricNames(String expr) {
        String s = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(s);
        while (m.find()) {
            String word = m.group();
            int next = m.end();
            while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
                next++;
            }
            boolean function = next < s.length() && s.charAt(next) == '(';
            boolean duration = m.start() > 0 && Character.isDigit(s.charAt(m.start() - 1));
            if (!function && !duration && !PROMQL_WORDS.contains(word.toLowerCase())) {
                names.add(word);
            }
        }
        return names;
    }

    static List<String> metricConstants() {
        List<String> constants = new ArrayList<>();
        for (String file : METRIC_NAME_FILES) {
            Matcher m = CONSTANT.matcher(Repo.read(Repo.root().resolve(file)));
            int before = constants.size();
            while (m.find()) {
                constants.add(m.group(1));
            }
            assertThat(constants.size()).as("metric name constants in " + file).isGreaterThan(before);
        }
        return constants;
    }

    static Set<String> exportedNames() {
        Set<String> names = new TreeSet<>();
        for (String constant : metricConstants()) {
            for (String suffix : SUFFIXES) {
                names.add(constant.replace('.', '_') + suffix);
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> dashboardExpressions() {
        Map<String, String> out = new LinkedHashMap<>();
        // JSON is YAML: the dashboard is read with the same parser as the manifests
        Map<String, Object> dashboard = Repo.yamlDocuments(Repo.read(Repo.root().resolve(DASHBOARD))).get(0);
        for (Object p : (List<Object>) dashboard.get("panels")) {
            Map<String, Object> panel = (Map<String, Object>) p;
            for (Object t : (List<Object>) panel.getOrDefault("targets", List.of())) {
                Object expr = ((Map<String, Object>) t).get("expr");
                if (expr != null) {
                    out.put("dashboard panel '" + panel.get("title") + "' " + ((Map<String, Object>) t).get("refId"),
                            expr.toString());
                }
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> alertExpressions() {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Object> rules = Repo.yamlDocuments(Repo.read(Repo.root().resolve(ALERTS))).get(0);
        for (Object g : (List<Object>) rules.get("groups")) {
            for (Object r : (List<Object>) ((Map<String, Object>) g).get("rules")) {
                Map<String, Object> rule = (Map<String, Object>) r;
                out.put("alert " + rule.get("alert"), String.valueOf(rule.get("expr")));
            }
        }
        return out;
    }
}
