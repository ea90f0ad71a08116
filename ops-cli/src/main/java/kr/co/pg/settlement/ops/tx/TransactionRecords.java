package kr.co.pg.settlement.ops.tx;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kr.co.pg.settlement.ops.Database;

/**
 * Reads everything the databases hold about one transaction: its payment_transaction row, its sub-merchant, its
 * settlement_request row, the kis_file that carries it, the poller's pending_receipt, any reconciliation break, and
 * the last business date a DIFF_SETTLEMENT_REQUEST run finished. Rows come back as column-name maps.
 */
record TransactionRecords(Database settlement, Optional<Database> poller) {

    /** One row, by lower-case column name. */
    record Row(Map<String, Object> columns) {
        Object get(String column) {
            return columns.get(column);
        }

        String text(String column) {
            Object v = columns.get(column);
            return v == null ? null : v.toString().trim();
        }
    }

    record Story(Row transaction, Optional<Row> subMerchant, Optional<Row> request, Optional<Row> file,
                 Optional<Row> receipt, Optional<Row> reconciliationBreak, Optional<LocalDate> lastBusinessDate,
                 boolean pollerConfigured) {
    }

    Optional<Story> story(String transactionId) {
        try (Connection c = settlement.connect()) {
            Optional<Row> tx = one(c, "SELECT * FROM payment_transaction WHERE transaction_id = ?", transactionId);
            if (tx.isEmpty()) {
                return Optional.empty();
            }
            Optional<Row> sm = one(c, "SELECT * FROM sub_merchant WHERE sub_merchant_id = ?", tx.get().text("sub_merchant_id"));
            Optional<Row> request = one(c, "SELECT * FROM settlement_request WHERE transaction_id = ?", transactionId);
            Optional<Row> file = request.isEmpty() ? Optional.empty()
                    : one(c, "SELECT * FROM kis_file WHERE file_id = ?", request.get().text("file_id"));
            Optional<Row> brk = one(c, "SELECT * FROM reconciliation_break WHERE transaction_id = ?", transactionId);
            Optional<LocalDate> last = one(c, "SELECT MAX(business_date) AS d FROM job_run WHERE job = ? AND status = 'DONE'",
                    "DIFF_SETTLEMENT_REQUEST").map(r -> r.get("d")).map(d -> ((java.sql.Date) d).toLocalDate());
            Optional<Row> receipt = file.map(f -> f.text("receipt_no")).flatMap(this::receipt);
            return Optional.of(new Story(tx.get(), sm, request, file, receipt, brk, last, poller.isPresent()));
        } catch (SQLException e) {
            throw settlement.failed("reading transaction " + transactionId, e);
        }
    }

    private Optional<Row> receipt(String receiptNo) {
        if (poller.isEmpty() || receiptNo == null) {
            return Optional.empty();
        }
        Database db = poller.get();
        try (Connection c = db.connect()) {
            return one(c, "SELECT * FROM pending_receipt WHERE receipt_no = ?", receiptNo);
        } catch (SQLException e) {
            throw db.failed("reading pending_receipt " + receiptNo, e);
        }
    }

    private static Optional<Row> one(Connection c, String sql, Object arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ResultSetMetaData md = rs.getMetaData();
                Map<String, Object> columns = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.put(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
                }
                if (columns.values().stream().allMatch(java.util.Objects::isNull)) {
                    return Optional.empty();
                }
                return Optional.of(new Row(columns));
            }
        }
    }
}
