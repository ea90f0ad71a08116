package kr.co.pg.settlement.collector.adapter.in.web;

import java.time.LocalDate;
import kr.co.pg.settlement.collector.application.DayReport;
import kr.co.pg.settlement.collector.application.DayReportService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DayReportController {

    private final DayReportService reports;

    DayReportController(DayReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/api/reports/day/{businessDate}")
    DayReport day(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate businessDate) {
        return reports.report(businessDate);
    }
}
