package kr.co.pg.settlement.simulator.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.co.pg.settlement.kis.protocol.FeeTier;

/**
 * The simulator's registry of annual sales by business number and the tier it implies (kis-interface.md section 5):
 * at most 300M SMALL, 500M MEDIUM_1, 1,000M MEDIUM_2, 3,000M MEDIUM_3, else GENERAL; a number not in the registry
 * gets tier (sum of its digits mod 5) + 1. Also the closed/suspended list (E102). Thread-safe: seeded at runtime.
 */
public final class TierPolicy {

    private final Map<String, Long> annualSales = new ConcurrentHashMap<>();
    private final Map<String, Boolean> closed = new ConcurrentHashMap<>();

    public void putAnnualSales(String businessNo, long krw) {
        annualSales.put(businessNo, krw);
    }

    public void addClosed(String businessNo) {
        closed.put(businessNo, Boolean.TRUE);
    }

    public void removeClosed(String businessNo) {
        closed.remove(businessNo);
    }

    public boolean isClosed(String businessNo) {
        return closed.containsKey(businessNo);
    }

    public Map<String, Long> annualSales() {
        return Map.copyOf(annualSales);
    }

    public java.util.Set<String> closedBusinessNumbers() {
        return java.util.Set.copyOf(closed.keySet());
    }

    public FeeTier tierFor(String businessNo) {
        Long sales = annualSales.get(businessNo);
        if (sales != null) {
            return tierForSales(sales);
        }
        int sum = 0;
        for (int i = 0; i < businessNo.length(); i++) {
            char c = businessNo.charAt(i);
            if (c >= '0' && c <= '9') {
                sum += c - '0';
            }
        }
        return FeeTier.values()[sum % 5];
    }

    public static FeeTier tierForSales(long krw) {
        if (krw <= 300_000_000L) {
            return FeeTier.SMALL;
        }
        if (krw <= 500_000_000L) {
            return FeeTier.MEDIUM_1;
        }
        if (krw <= 1_000_000_000L) {
            return FeeTier.MEDIUM_2;
        }
        if (krw <= 3_000_000_000L) {
            return FeeTier.MEDIUM_3;
        }
        return FeeTier.GENERAL;
    }
}
