package kr.co.pg.settlement.ops.tx;

import java.io.PrintWriter;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import kr.co.pg.settlement.events.status.DiffStatus;
import kr.co.pg.settlement.events.status.KisRegStatus;
import kr.co.pg.settlement.ops.ExitCodes;
import kr.co.pg.settlement.ops.OpsCommand;
import kr.co.pg.settlement.ops.tx.TransactionRecords.Row;
import kr.co.pg.settlement.ops.tx.TransactionRecords.Story;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "tx",
        header = "The whole story of one transaction, or why it was never sent.",
        description = "The whole story of one transaction from the databases: the payment (masked card only), its"
                + " difference status, result code and amounts, its request row, the KIS file, receipt and status,"
                + " any reconciliation break - or why it was never sent.")
public final class TxCommand extends OpsCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    @Parameters(index = "0", paramLabel = "TRANSACTION_ID")
    String transactionId;

    @Override
    public Integer call() {
        PrintWriter out = out();
        Optional<Story> story = new TransactionRecords(connections.settlementDb(), connections.pollerDb()).story(transactionId);
        if (story.isEmpty()) {
            spec.commandLine().getErr().println("settlement: no transaction '" + transactionId + "' in payment_transaction");
            return ExitCodes.FAILED;
        }
        print(story.get(), out);
        return ExitCodes.OK;
    }

    private void print(Story s, PrintWriter out) {
        Row t = s.transaction();
        out.println("Transaction " + t.text("transaction_id"));
        out.println("  sub-merchant  " + t.text("sub_merchant_id") + s.subMerchant().map(TxCommand::subMerchant)
                .orElse(" (not in sub_merchant!)"));
        out.println("  payment       " + t.text("transaction_type") + ", approval no " + t.text("approval_no") + " at "
                + time(t.get("approved_at")) + ", " + t.text("card_company") + " " + t.text("card_type") + " card "
                + ResultCodes.maskedCard(t.text("masked_card_no")));
        if (t.get("original_approval_no") != null) {
            out.println("  cancels       approval " + t.text("original_approval_no") + " of " + t.text("original_approved_on"));
        }
        out.println("  amount        " + t.text("amount") + " KRW, applied fee rate " + t.text("applied_fee_rate")
                + " %, fee " + t.text("fee_amount") + " KRW");
        out.println("  difference    status " + t.text("diff_status") + ", result " + ResultCodes.describe(t.text("diff_result_code")));
        out.println("                expected " + orDash(t.text("diff_expected_amount")) + " KRW, settled "
                + orDash(t.text("diff_settled_amount")) + " KRW, payout " + orDash(t.text("diff_payout_date"))
                + ", updated " + time(t.get("diff_updated_at")));
        if (s.request().isEmpty()) {
            out.println(neverSent(s));
            return;
        }
        Row r = s.request().get();
        out.println("Request         settlement_request: file " + r.text("file_id") + " record " + r.text("seq")
                + ", business date " + r.text("business_date") + ", expected " + r.text("expected_amount")
                + " KRW, status " + r.text("status") + ", result " + orDash(r.text("result_code"))
                + ", updated " + time(r.get("updated_at")));
        out.println("File            " + s.file().map(TxCommand::file).orElse(r.text("file_id") + " not in kis_file!"));
        s.file().ifPresent(f -> out.println("Receipt         " + receipt(s, f)));
        out.println("KIS result      " + kisResult(t, r));
        out.println("Break           " + s.reconciliationBreak().map(b -> "expected " + b.text("expected_amount")
                + " KRW, KIS settled " + b.text("settled_amount") + " KRW (difference "
                + (toLong(b.text("settled_amount")) - toLong(b.text("expected_amount"))) + "), recorded "
                + time(b.get("recorded_at"))).orElse("none"));
    }

    private static String subMerchant(Row m) {
        return " (" + m.text("business_name") + "): kis_reg_status " + m.text("kis_reg_status") + ", tier "
                + orDash(m.text("fee_tier")) + " valid " + orDash(m.text("tier_valid_from")) + ".."
                + orDash(m.text("tier_valid_to")) + ", KIS no " + orDash(m.text("kis_sub_merchant_no"));
    }

    private static String file(Row f) {
        StringBuilder b = new StringBuilder(f.text("file_id") + " (" + f.text("file_type") + ", " + f.text("record_count")
                + " records, created " + time(f.get("created_at")) + "): " + f.text("status") + ", KIS receipt "
                + orDash(f.text("receipt_no")) + ", updated " + time(f.get("updated_at")));
        if (f.get("failure_code") != null) {
            b.append("; failure ").append(f.text("failure_code")).append(' ').append(orDash(f.text("failure_message")))
                    .append(f.get("failure_line") == null ? "" : " (line " + f.text("failure_line") + ")");
        }
        if (f.get("replaced_by_file_id") != null) {
            b.append("; resent as ").append(f.text("replaced_by_file_id"));
        }
        return b.toString();
    }

    private static String receipt(Story s, Row f) {
        if (f.get("receipt_no") == null) {
            return "none yet (KIS has not acknowledged the file; see `settlement status` and the gateway's dead letters)";
        }
        if (!s.pollerConfigured()) {
            return f.text("receipt_no") + " (poller database not configured: POLLER_DB_URL)";
        }
        return s.receipt().map(p -> p.text("receipt_no") + " at the poller: " + p.text("status") + ", submitted "
                + time(p.get("submitted_at")) + ", completed " + time(p.get("completed_at")) + ", failed polls "
                + p.text("attempts") + (p.get("last_error") == null ? "" : ", last error " + p.text("last_error")))
                .orElse(f.text("receipt_no") + " unknown to the poller");
    }

    private static String kisResult(Row t, Row r) {
        String status = r.text("status");
        if (DiffStatus.COLLECTED.name().equals(status)) {
            return "none yet: collected, waiting for the gateway to upload the file";
        }
        if (DiffStatus.SENT.name().equals(status)) {
            return "none yet: sent, waiting for KIS's result file (the poller fetches it)";
        }
        return ResultCodes.describe(orDash(r.text("result_code"))) + " - KIS's own message text is not stored;"
                + " this is the meaning of the code";
    }

    private static String neverSent(Story s) {
        Row t = s.transaction();
        String status = t.text("diff_status");
        String code = t.text("diff_result_code");
        if (DiffStatus.NOT_ELIGIBLE.name().equals(status)
                || DiffStatus.REJECTED.name().equals(status)) {
            return "Never sent      " + status + " " + ResultCodes.describe(code);
        }
        if (!DiffStatus.NONE.name().equals(status)) {
            return "Never sent      status " + status + " but no settlement_request row: inconsistent, report it";
        }
        String smStatus = s.subMerchant().map(m -> m.text("kis_reg_status")).orElse("missing");
        if (!KisRegStatus.REGISTERED.name().equals(smStatus)) {
            return "Not sent yet    NONE: its sub-merchant is " + smStatus + " (not REGISTERED"
                    + s.subMerchant().map(m -> m.get("kis_reg_result_code") == null ? ""
                    : "; last result " + ResultCodes.describe(m.text("kis_reg_result_code"))).orElse("")
                    + "); it is looked at again by each DIFF_SETTLEMENT_REQUEST run until the sub-merchant is registered";
        }
        Optional<LocalDate> last = s.lastBusinessDate();
        LocalDate approvedOn = LocalDate.parse(time(t.get("approved_at")).substring(0, 10));
        if (last.isEmpty()) {
            return "Not sent yet    NONE: no DIFF_SETTLEMENT_REQUEST run has finished yet";
        }
        if (!approvedOn.isBefore(last.get())) {
            return "Not sent yet    NONE: approved on " + approvedOn + ", on or after the last business date " + last.get()
                    + " (a run of date D takes transactions approved before D): the run of business date "
                    + approvedOn.plusDays(1) + " or later collects it";
        }
        return "Not sent yet    NONE: approved before the last business date " + last.get() + " and its sub-merchant is"
                + " REGISTERED, so the next DIFF_SETTLEMENT_REQUEST run collects it (registered after that run?)";
    }

    private static String time(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toLocalDateTime().format(TIME);
        }
        if (value instanceof java.time.LocalDateTime ldt) {
            return ldt.format(TIME);
        }
        return value == null ? "-" : value.toString();
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    private static long toLong(String s) {
        return s == null ? 0 : Long.parseLong(s);
    }
}
