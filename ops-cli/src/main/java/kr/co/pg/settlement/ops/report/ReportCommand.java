package kr.co.pg.settlement.ops.report;

import java.time.LocalDate;
import kr.co.pg.settlement.collector.application.DayReport;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.ops.Converters;
import kr.co.pg.settlement.ops.ExitCodes;
import kr.co.pg.settlement.ops.OpsCommand;
import kr.co.pg.settlement.ops.OpsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report",
        header = "The day report of a business date (from the collector).",
        description = "The collector's day report of a business date (GET COLLECTOR_URL/api/reports/day/DATE):"
                + " registrations, settlement requests, rejections by code, amounts, reconciliation breaks,"
                + " failed or refused files, stuck rows.")
public final class ReportCommand extends OpsCommand {

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", converter = Converters.BusinessDate.class)
    LocalDate date;

    @Option(names = "--json", description = "the collector's JSON as it is")
    boolean json;

    @Override
    public Integer call() {
        String url = connections.collectorUrl().orElseThrow(() -> new OpsException(
                "collector URL not configured: set COLLECTOR_URL or --collector-url (or --demo)"));
        String body = new CollectorClient(url, connections.managementAuthorization()).dayReportJson(date);
        if (json) {
            out().println(body);
        } else {
            DayReport report;
            try {
                report = EventJson.mapper().readValue(body, DayReport.class);
            } catch (RuntimeException e) {
                throw new OpsException("the collector's day report is not readable (" + e.getMessage()
                        + "); try --json", e);
            }
            out().print(report.toText());
        }
        return ExitCodes.OK;
    }
}
