package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.sql.Statement;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;

final class Batches {

    /**
     * One statement for many rows (the driver sends them in bulk, {@code batchSize} rows a round trip); each row's
     * parameters in the statement's order.
     */
    static <T> int[][] update(JdbcTemplate jdbc, String sql, List<T> rows, int batchSize, Function<T, Object[]> params) {
        return jdbc.batchUpdate(sql, rows, batchSize, (ps, row) -> {
            Object[] values = params.apply(row);
            for (int i = 0; i < values.length; i++) {
                StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, values[i]);
            }
        });
    }

    /**
     * Sum of a batch's update counts. When the driver reports SUCCESS_NO_INFO (bulk protocol) the count is unknown:
     * then {@code ifUnknown} is returned, and the caller's guard must come from a set-based statement instead.
     */
    static int sum(int[][] counts, int ifUnknown) {
        int sum = 0;
        for (int[] batch : counts) {
            for (int c : batch) {
                if (c == Statement.SUCCESS_NO_INFO) {
                    return ifUnknown;
                }
                sum += c;
            }
        }
        return sum;
    }

    private Batches() {
    }
}
