package kr.co.pg.settlement.opsconsole.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.opsconsole.application.AuditLog;
import kr.co.pg.settlement.opsconsole.application.DeadLetters;
import kr.co.pg.settlement.opsconsole.application.JobOverview;
import kr.co.pg.settlement.opsconsole.application.OpsCommands;
import kr.co.pg.settlement.opsconsole.application.ProgressQueries;
import kr.co.pg.settlement.opsconsole.application.ReceiptQueries;
import kr.co.pg.settlement.opsconsole.application.ServiceEndpoints;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Everything a viewer may read. Dates are business dates (yyyy-MM-dd, Asia/Seoul). */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "read", description = "jobs, files, receipts, rows, dead letters, transactions, schedule, audit (role viewer)")
record ReadController(JobOverview overview, ProgressQueries progress, ReceiptQueries receipts,
                      DeadLetters deadLetters, OpsCommands commands, ServiceEndpoints services, AuditLog audit,
                      Clock clock) {

    record Me(String username, List<String> roles, boolean operator, String csrfHeader, String csrfToken, LocalDate today) {
    }

    @GetMapping("/me")
    @Operation(summary = "who is logged in, the roles, the CSRF header and token to send with POSTs, today in Seoul")
    Me me(Authentication auth, CsrfToken csrf) {
        List<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList();
        return new Me(auth.getName(), roles, roles.contains("ROLE_OPERATOR"), csrf.getHeaderName(), csrf.getToken(),
                LocalDate.now(clock));
    }

    @GetMapping("/days/{date}/jobs")
    @Operation(summary = "the four jobs of a business date with their progress (runs, slices, request rows by state, receipts)")
    List<JobOverview.JobStatus> jobs(@PathVariable LocalDate date) {
        return overview.day(date);
    }

    record DayFiles(LocalDate businessDate, List<ProgressQueries.KisFile> files, boolean pollerConfigured,
                    List<ReceiptQueries.Receipt> receipts) {
    }

    @GetMapping("/days/{date}/files")
    @Operation(summary = "the date's KIS files (kis_file) and the poller's receipts (pending_receipt) of the date")
    DayFiles files(@PathVariable LocalDate date) {
        return new DayFiles(date, progress.files(date), receipts.configured(), receipts.ofDate(date));
    }

    @GetMapping("/days/{date}/rejections")
    @Operation(summary = "rejected request rows of the date's files by result code (registration, settlement)")
    Map<String, Map<String, Long>> rejections(@PathVariable LocalDate date) {
        return progress.rejectionsByCode(date);
    }

    @GetMapping("/days/{date}/breaks")
    @Operation(summary = "reconciliation breaks of the date's files (KIS settled another amount than expected)")
    List<ProgressQueries.Break> breaks(@PathVariable LocalDate date) {
        return progress.breaks(date);
    }

    @GetMapping("/days/{date}/report")
    @Operation(summary = "the collector's day report (GET COLLECTOR_URL/api/reports/day/{date}), as the collector answers it")
    ResponseEntity<String> report(@PathVariable LocalDate date) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(services.dayReport(date));
    }

    record Rows(Map<String, Long> subMerchantsByStatus, Map<String, Long> transactionsByStatus,
                Map<String, Long> receiptsByStatus) {
    }

    @GetMapping("/rows")
    @Operation(summary = "all sub-merchants by kis_reg_status, all transactions by diff_status, receipts by status")
    Rows rows() {
        return new Rows(progress.subMerchantsByStatus(), progress.transactionsByStatus(),
                receipts.configured() ? receipts.byStatus() : null);
    }

    @GetMapping("/stuck")
    @Operation(summary = "REQUESTED/SENT sub-merchants and COLLECTED/SENT transactions unchanged for longer than olderThan")
    ProgressQueries.Stuck stuck(@RequestParam(defaultValue = "PT2H") Duration olderThan,
                                @RequestParam(defaultValue = "20") int examples) {
        return progress.stuck(olderThan, Math.min(Math.max(examples, 0), 500));
    }

    @GetMapping("/dead-letters")
    @Operation(summary = "the latest records of the three dead-letter topics (newest first), with their re-drive note")
    List<DeadLetters.TopicLetters> deadLetters(@RequestParam(defaultValue = "100") int limit) {
        return deadLetters.list(Math.min(Math.max(limit, 1), 1000));
    }

    record TransactionStory(String transactionId, String story) {
    }

    @GetMapping("/transactions/{id}")
    @Operation(summary = "the whole story of one transaction (the ops-cli's `settlement tx`), or 404")
    ResponseEntity<TransactionStory> transaction(@PathVariable String id) {
        return commands.transactionStory(id).map(s -> ResponseEntity.ok(new TransactionStory(id, s)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/schedule")
    @Operation(summary = "the scheduler's GET /api/schedule: next runs per job, holidays, missed slots")
    ResponseEntity<String> schedule(@RequestParam(defaultValue = "5") int runs) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(services.schedule(Math.min(Math.max(runs, 1), 100)));
    }

    @GetMapping("/audit")
    @Operation(summary = "the latest operator actions (dry runs and executions), newest first")
    List<AuditLog.Entry> audit(@RequestParam(defaultValue = "200") int limit) {
        return audit.latest(Math.min(Math.max(limit, 1), 1000));
    }
}
