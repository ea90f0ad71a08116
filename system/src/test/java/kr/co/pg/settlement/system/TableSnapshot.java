package kr.co.pg.settlement.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of the tables that say what the PG and KIS decided about a day, as strings, for comparing a day before and
 * after a restore and replay. Every column is compared except these bookkeeping timestamps, which only say when this
 * database wrote a row and legitimately differ when the same decision is applied again:
 * <ul>
 * <li>{@code sub_merchant.kis_reg_updated_at}, {@code payment_transaction.diff_updated_at}: when a status was
 * written;</li>
 * <li>{@code kis_file.updated_at}: when the file's status last changed;</li>
 * <li>{@code registration_request} / {@code settlement_request} {@code created_at}, {@code updated_at}: when a
 * request row was written and last changed;</li>
 * <li>{@code reconciliation_break.recorded_at}: when the break was recorded.</li>
 * </ul>
 * {@code kis_file.created_at} is compared on purpose: it is written into the file header, so a file KIS already holds
 * is only the same file with the same value.
 */
final class TableSnapshot {

    /** Table -> ORDER BY columns. */
    static final Map<String, String> TABLES = new LinkedHashMap<>();
    /** Table -> columns left out of the comparison (see the class comment). */
    static final Map<String, Set<String>> IGNORED = Map.of(
            "sub_merchant", Set.of("kis_reg_updated_at"),
            "payment_transaction", Set.of("diff_updated_at"),
            "kis_file", Set.of("updated_at"),
            "registration_request", Set.of("created_at", "updated_at"),
            "settlement_request", Set.of("created_at", "updated_at"),
            "reconciliation_break", Set.of("recorded_at"));

    static {
        TABLES.put("sub_merchant", "sub_merchant_id");
        TABLES.put("payment_transaction", "transaction_id");
        TABLES.put("kis_file", "file_id");
        TABLES.put("registration_request", "file_id, seq");
        TABLES.put("settlement_request", "transaction_id");
        TABLES.put("reconciliation_break", "transaction_id");
    }

    private TableSnapshot() {
    }

    /** Table -> its rows ("col=value|col=value..."), in key order. */
    static Map<String, List<String>> take(SettlementDb db) {
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        TABLES.forEach((table, order) -> {
            List<String> columns = db.dump("SELECT column_name FROM information_schema.columns WHERE table_schema ="
                    + " DATABASE() AND table_name = '" + table + "' ORDER BY ordinal_position");
            columns.removeAll(IGNORED.getOrDefault(table, Set.of()));
            StringBuilder select = new StringBuilder("SELECT ");
            for (int i = 0; i < columns.size(); i++) {
                String c = columns.get(i);
                select.append(i > 0 ? ", " : "").append("CONCAT('").append(c).append("=', COALESCE(").append(c)
                        .append(", 'null'))");
            }
            snapshot.put(table, db.dump(select + " FROM " + table + " ORDER BY " + order));
        });
        return snapshot;
    }

    /** Empty when equal; else per table the rows only in {@code expected} and only in {@code actual} (20 of each). */
    static String differences(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        StringBuilder sb = new StringBuilder();
        for (String table : TABLES.keySet()) {
            Set<String> missing = new LinkedHashSet<>(expected.getOrDefault(table, List.of()));
            actual.getOrDefault(table, List.of()).forEach(missing::remove);
            Set<String> extra = new LinkedHashSet<>(actual.getOrDefault(table, List.of()));
            expected.getOrDefault(table, List.of()).forEach(extra::remove);
            if (missing.isEmpty() && extra.isEmpty()) {
                continue;
            }
            sb.append(table).append(": ").append(missing.size()).append(" row(s) of the first run not found, ")
                    .append(extra.size()).append(" row(s) not in the first run\n");
            first(missing, 20).forEach(r -> sb.append("  first run: ").append(r).append('\n'));
            first(extra, 20).forEach(r -> sb.append("  now:       ").append(r).append('\n'));
        }
        return sb.toString();
    }

    private static List<String> first(Set<String> rows, int n) {
        List<String> out = new ArrayList<>();
        for (String r : rows) {
            if (out.size() == n) {
                break;
            }
            out.add(r);
        }
        return out;
    }
}
