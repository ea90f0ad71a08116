package kr.co.pg.settlement.collector.application;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The day report of a business date D (scope in docs/architecture.md "Day report"): registration and difference
 * settlement counts, rejections by code, amounts, reconciliation breaks, failed/refused files and stuck rows.
 */
public record DayReport(LocalDate businessDate, LocalDateTime generatedAt, Registration registration,
                        Settlement settlement, List<FileProblem> fileProblems, Stuck stuck) {

    public record Registration(Map<String, Long> subMerchantsByStatus, Map<String, Long> requestsOfDayByStatus,
                               Map<String, Long> rejectionsByCode) {
    }

    public record Settlement(Map<String, Long> requestsOfDayByStatus, Map<String, Long> decidedOnDayByCode,
                             long waitingForRegistration, long expectedAmount, long settledAmount,
                             List<Break> reconciliationBreaks) {
    }

    public record Break(String transactionId, String fileId, long expected, long settled) {
    }

    public record FileProblem(String fileId, String status, String code, String message, Integer line,
                              String replacedBy, long openRows) {
    }

    public record StuckRow(String kind, String id, String status, String fileId, LocalDateTime since) {
    }

    public record Stuck(String olderThan, long subMerchants, long transactions, List<StuckRow> examples) {
    }

    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append("Day report ").append(businessDate).append(" (generated ").append(generatedAt).append(" KST)\n");
        b.append("Sub-merchant registration\n");
        line(b, "  sub-merchants by status", registration.subMerchantsByStatus());
        line(b, "  requests of the day by status", registration.requestsOfDayByStatus());
        line(b, "  rejections by code (local L1xx, KIS Exxx)", registration.rejectionsByCode());
        b.append("Difference settlement\n");
        line(b, "  requests of the day by status", settlement.requestsOfDayByStatus());
        line(b, "  rejected or not eligible, by code (KIS Exxx of the day's requests; local N00x and L2xx decided that day)", settlement.decidedOnDayByCode());
        b.append("  waiting (sub-merchant not REGISTERED): ").append(settlement.waitingForRegistration()).append('\n');
        b.append("  expected amount: ").append(settlement.expectedAmount()).append(" KRW, settled amount: ")
                .append(settlement.settledAmount()).append(" KRW\n");
        b.append("  reconciliation breaks: ").append(settlement.reconciliationBreaks().size()).append('\n');
        for (Break br : settlement.reconciliationBreaks()) {
            b.append("    ").append(br.transactionId()).append(" (file ").append(br.fileId()).append("): expected ")
                    .append(br.expected()).append(", settled ").append(br.settled()).append('\n');
        }
        b.append("Files failed or refused: ").append(fileProblems.size()).append('\n');
        for (FileProblem f : fileProblems) {
            b.append("  ").append(f.fileId()).append(' ').append(f.status()).append(' ').append(f.code()).append(' ')
                    .append(f.message()).append(f.line() == null ? "" : " (line " + f.line() + ")")
                    .append(f.replacedBy() == null ? "" : ", resent as " + f.replacedBy())
                    .append(", rows still open: ").append(f.openRows()).append('\n');
        }
        b.append("Stuck longer than ").append(stuck.olderThan()).append(": ").append(stuck.subMerchants())
                .append(" sub-merchants, ").append(stuck.transactions()).append(" transactions\n");
        for (StuckRow s : stuck.examples()) {
            b.append("  ").append(s.kind()).append(' ').append(s.id()).append(' ').append(s.status()).append(" in file ")
                    .append(s.fileId()).append(" since ").append(s.since()).append('\n');
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String label, Map<String, Long> counts) {
        b.append(label).append(": ").append(counts.isEmpty() ? "-" : counts.toString()).append('\n');
    }
}
