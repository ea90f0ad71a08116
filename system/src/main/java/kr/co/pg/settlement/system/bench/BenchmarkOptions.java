package kr.co.pg.settlement.system.bench;

import java.util.Map;
import java.util.Set;

/**
 * The benchmark's command-line options ({@code --benchmark=N [--sub-merchants=M] [--instances=K] [--profile]}),
 * checked strictly: a typo must not silently run a different benchmark.
 *
 * @param transactions     approvals of the day before the business date (N)
 * @param subMerchants     sub-merchants registered (untimed) before the settlement (M, default 50,000)
 * @param instances        instances of the collector, the gateway and the poller each (default 1)
 * @param profile          every child JVM records a Java Flight Recording (settings=profile)
 * @param checkCardPercent share of check cards among the approvals (20 %)
 */
public record BenchmarkOptions(int transactions, int subMerchants, int instances, boolean profile,
                               int checkCardPercent) {

    public static final int DEFAULT_SUB_MERCHANTS = 50_000;
    public static final int CHECK_CARD_PERCENT = 20;
    private static final Set<String> KNOWN = Set.of("benchmark", "sub-merchants", "instances", "profile");
    static final String USAGE = "--benchmark=N [--sub-merchants=M (default " + DEFAULT_SUB_MERCHANTS
            + ")] [--instances=1|2] [--profile]";

    public BenchmarkOptions {
        if (transactions < 1) {
            throw new IllegalArgumentException("--benchmark: at least 1 transaction, not " + transactions);
        }
        if (subMerchants < 1) {
            throw new IllegalArgumentException("--sub-merchants: at least 1, not " + subMerchants);
        }
        if (instances < 1 || instances > 4) {
            throw new IllegalArgumentException("--instances: 1 to 4 instances per service, not " + instances);
        }
    }

    /** From the run command's {@code --name=value} map (a flag without value maps to ""). */
    public static BenchmarkOptions parse(Map<String, String> arguments) {
        for (String name : arguments.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown benchmark option --" + name + "; use " + USAGE);
            }
        }
        String profile = arguments.get("profile");
        if (profile != null && !profile.isEmpty() && !profile.equals("true") && !profile.equals("false")) {
            throw new IllegalArgumentException("--profile takes no value (or true/false), not '" + profile + "'");
        }
        return new BenchmarkOptions(number(arguments, "benchmark", null),
                number(arguments, "sub-merchants", DEFAULT_SUB_MERCHANTS), number(arguments, "instances", 1),
                profile != null && !profile.equals("false"), CHECK_CARD_PERCENT);
    }

    private static int number(Map<String, String> arguments, String name, Integer fallback) {
        String value = arguments.get(name);
        if (value == null && fallback != null) {
            return fallback;
        }
        String digits = value == null ? "" : value.replace("_", "").replace(",", "");
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, not '" + value + "'; use " + USAGE);
        }
    }
}
