package kr.co.pg.settlement.opsconsole.application;

import java.time.LocalDate;

/** The other services' read endpoints, passed through as their JSON. */
public interface ServiceEndpoints {

    /** The collector's GET /api/reports/day/{date}. */
    String dayReport(LocalDate businessDate);

    /** The scheduler's GET /api/schedule?runs=N. */
    String schedule(int runs);
}
