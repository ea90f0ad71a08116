package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.sql.Statement;

final class Batches {

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
