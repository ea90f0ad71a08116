package kr.co.pg.settlement.collector.adapter.out.persistence;

import kr.co.pg.settlement.collector.application.DayReportQueries;
import kr.co.pg.settlement.events.Job;

/**
 * The two flows as the reports query them: the PG table whose status the flow moves ({@code rows}, alias p), its key,
 * status and stamp columns, the request table (alias r), the statuses of rows in a live file, the local decisions,
 * and the request job that makes them.
 */
record FlowTables(String kind, String rows, String key, String status, String resultCode, String stamp,
                  String requests, String inFile, String localDecisions, Job job) {

    static final FlowTables REGISTRATION = new FlowTables("sub-merchant", "sub_merchant", "sub_merchant_id",
            "kis_reg_status", "kis_reg_result_code", "kis_reg_updated_at", "registration_request",
            "'REQUESTED', 'SENT'", "p.kis_reg_status = 'REJECTED' AND p.kis_reg_result_code LIKE 'L%'",
            Job.SUBMERCHANT_REGISTRATION_REQUEST);

    static final FlowTables SETTLEMENT = new FlowTables("transaction", "payment_transaction", "transaction_id",
            "diff_status", "diff_result_code", "diff_updated_at", "settlement_request", "'COLLECTED', 'SENT'",
            "p.diff_status IN ('NOT_ELIGIBLE', 'REJECTED') AND p.diff_result_code NOT REGEXP '^[0-9E]'",
            Job.DIFF_SETTLEMENT_REQUEST);

    static FlowTables of(DayReportQueries.Flow flow) {
        return flow == DayReportQueries.Flow.REGISTRATION ? REGISTRATION : SETTLEMENT;
    }

    /**
     * FROM ... WHERE of the rows in a live file unchanged since before the one parameter (through the status index),
     * {@code join} joined to them.
     */
    String stuck(String join) {
        return " FROM " + rows + " p" + join + " WHERE p." + status + " IN (" + inFile + ") AND (p." + stamp
                + " IS NULL OR p." + stamp + " < ?)";
    }
}
