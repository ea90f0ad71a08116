package kr.co.pg.settlement.collector.application;

import static kr.co.pg.settlement.collector.application.DayReportQueries.Flow.REGISTRATION;
import static kr.co.pg.settlement.collector.application.DayReportQueries.Flow.SETTLEMENT;

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
                        queries.requestsByStatus(REGISTRATION, businessDate),
                        queries.decidedByCode(REGISTRATION, businessDate)),
                new DayReport.Settlement(queries.requestsByStatus(SETTLEMENT, businessDate),
                        queries.decidedByCode(SETTLEMENT, businessDate), queries.waitingForRegistration(businessDate),
                        queries.expectedAmount(businessDate), queries.settledAmount(businessDate),
                        queries.breaks(businessDate)),
                queries.fileProblems(businessDate),
                new DayReport.Stuck(stuckAfter.toString(), queries.stuck(REGISTRATION, stuckBefore),
                        queries.stuck(SETTLEMENT, stuckBefore), queries.stuckExamples(stuckBefore, 100)));
    }

    public String reportText(LocalDate businessDate) {
        return report(businessDate).toText();
    }
}
