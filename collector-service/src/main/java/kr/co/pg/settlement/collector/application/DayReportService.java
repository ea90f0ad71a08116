package kr.co.pg.settlement.collector.application;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Builds the day report (JSON over HTTP, text for the demo runner). */
@Service
public class DayReportService {

    private final DayReportQueries queries;
    private final Clock clock;
    private final Duration stuckAfter;

    DayReportService(DayReportQueries queries, Clock clock,
                     @Value("${settlement.report.stuck-after:PT2H}") Duration stuckAfter) {
        this.queries = queries;
        this.clock = clock;
        this.stuckAfter = stuckAfter;
    }

    public DayReport report(LocalDate businessDate) {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime stuckBefore = now.minus(stuckAfter);
        return new DayReport(businessDate, now,
                new DayReport.Registration(queries.subMerchantsByStatus(),
                        queries.registrationRequestsByStatus(businessDate),
                        queries.registrationRejectionsByCode(businessDate)),
                new DayReport.Settlement(queries.settlementRequestsByStatus(businessDate),
                        queries.settlementDecidedOnDayByCode(businessDate), queries.waitingForRegistration(businessDate),
                        queries.expectedAmount(businessDate), queries.settledAmount(businessDate),
                        queries.breaks(businessDate)),
                queries.fileProblems(businessDate),
                new DayReport.Stuck(stuckAfter.toString(), queries.stuckSubMerchants(stuckBefore),
                        queries.stuckTransactions(stuckBefore), queries.stuckExamples(stuckBefore, 100)));
    }

    public String reportText(LocalDate businessDate) {
        return report(businessDate).toText();
    }
}
