package kr.co.pg.settlement.collector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Full contents of tables, ordered by every column, for before/after comparisons. */
final class TableSnapshot {

    static Map<String, List<Map<String, Object>>> of(JdbcTemplate jdbc, String... tables) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (String table : tables) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM " + table + " ORDER BY 1, 2")) {
                Map<String, Object> copy = new LinkedHashMap<>();
                row.forEach((k, v) -> copy.put(k, v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : v));
                rows.add(copy);
            }
            out.put(table, rows);
        }
        return out;
    }

    private TableSnapshot() {
    }
}
