package kr.co.pg.settlement.collector.application;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** Port: the read side of the day report. */
public interface DayReportQueries {

    /** Registration: sub-merchants and registration_request; settlement: transactions and settlement_request. */
    enum Flow {
        REGISTRATION, SETTLEMENT
    }

    Map<String, Long> subMerchantsByStatus();

    /** The rows of the business date's files by their current status. */
    Map<String, Long> requestsByStatus(Flow flow, LocalDate businessDate);

    /**
     * By code: KIS's rejections of the business date's requests and the local decisions the date's request runs made
     * (L1xx for registration; N00x and L2xx for settlement).
     */
    Map<String, Long> decidedByCode(Flow flow, LocalDate businessDate);

    long waitingForRegistration(LocalDate businessDate);

    long expectedAmount(LocalDate businessDate);

    long settledAmount(LocalDate businessDate);

    List<DayReport.Break> breaks(LocalDate businessDate);

    List<DayReport.FileProblem> fileProblems(LocalDate businessDate);

    /** Rows in a live file (REQUESTED/SENT sub-merchants, COLLECTED/SENT transactions) unchanged since before. */
    long stuck(Flow flow, LocalDateTime before);

    List<DayReport.StuckRow> stuckExamples(LocalDateTime before, int limit);
}
