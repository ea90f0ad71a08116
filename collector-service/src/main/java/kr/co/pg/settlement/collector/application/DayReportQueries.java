package kr.co.pg.settlement.collector.application;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** Port: the read side of the day report. */
public interface DayReportQueries {

    Map<String, Long> subMerchantsByStatus();

    Map<String, Long> registrationRequestsByStatus(LocalDate businessDate);

    /** REJECTED sub-merchants of the day's requests (KIS codes) and local rejections made on that calendar day. */
    Map<String, Long> registrationRejectionsByCode(LocalDate businessDate);

    Map<String, Long> settlementRequestsByStatus(LocalDate businessDate);

    /** NOT_ELIGIBLE (N00x) and locally REJECTED (L201) transactions decided on that calendar day, by code. */
    Map<String, Long> settlementDecidedOnDayByCode(LocalDate businessDate);

    long waitingForRegistration(LocalDate businessDate);

    long expectedAmount(LocalDate businessDate);

    long settledAmount(LocalDate businessDate);

    List<DayReport.Break> breaks(LocalDate businessDate);

    List<DayReport.FileProblem> fileProblems(LocalDate businessDate);

    long stuckSubMerchants(LocalDateTime before);

    long stuckTransactions(LocalDateTime before);

    List<DayReport.StuckRow> stuckExamples(LocalDateTime before, int limit);
}
