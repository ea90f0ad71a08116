package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.collector.application.SettlementStore;
import kr.co.pg.settlement.collector.domain.PreferentialRates;
import kr.co.pg.settlement.collector.domain.SameDayCancel;
import kr.co.pg.settlement.collector.domain.TransactionCandidate;
import kr.co.pg.settlement.events.SettlementFileRequested.Transaction;
import kr.co.pg.settlement.events.SettlementResultsReceived.SettlementResult;
import kr.co.pg.settlement.events.status.DiffStatus;
import kr.co.pg.settlement.events.status.KisRegStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSettlementStore implements SettlementStore {

    private static final String TX_COLUMNS = "t.transaction_id, t.sub_merchant_id, t.card_company, t.card_type,"
            + " t.transaction_type, t.approval_no, t.approved_at, t.original_approval_no, t.original_approved_on,"
            + " t.masked_card_no, t.amount, t.applied_fee_rate, t.fee_amount";
    private static final String SM_COLUMNS = "s.kis_reg_status, s.fee_tier, s.tier_valid_from, s.tier_valid_to,"
            + " s.kis_sub_merchant_no, s.business_no";
    private static final int IN_LIST = 1000;
    /**
     * A file's request rows by the (file_id, seq) index. Without the hint, right after a page's bulk insert the
     * optimizer may scan the whole primary key: every page would then read (and lock) every other page's rows, the
     * cost growing with the day and parallel pages deadlocking on each other's rows.
     */
    private static final String BY_FILE = "FORCE INDEX (ix_settlement_request_file)";

    /** The request rows of one file (by the file index) joined to their transactions. */
    private static final String FILE_ROWS = "settlement_request r " + BY_FILE + " STRAIGHT_JOIN payment_transaction t"
            + " ON r.transaction_id = t.transaction_id";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ClockedJdbc db;
    private final StagedSettlementResults stagedResults;

    JdbcSettlementStore(ClockedJdbc db) {
        this.jdbc = db.jdbc();
        this.named = new NamedParameterJdbcTemplate(db.jdbc());
        this.db = db;
        this.stagedResults = new StagedSettlementResults(db.jdbc());
    }

    @Override
    public PreferentialRates preferentialRates() {
        return new PreferentialRates(jdbc.query("SELECT effective_from, card_type, fee_tier, rate FROM preferential_fee_rate",
                (rs, i) -> new PreferentialRates.Rate(rs.getObject("effective_from", LocalDate.class),
                        rs.getString("card_type"), rs.getString("fee_tier"), rs.getBigDecimal("rate"))));
    }

    @Override
    public List<CancelPair> cancelPairs(LocalDate before) {
        String cols = "%1$s.transaction_id %1$s_id, %1$s.sub_merchant_id %1$s_sm, %1$s.transaction_type %1$s_type,"
                + " %1$s.approval_no %1$s_no, %1$s.approved_at %1$s_at, %1$s.original_approval_no %1$s_ono,"
                + " %1$s.original_approved_on %1$s_oon, %1$s.diff_status %1$s_st, %1$s.diff_result_code %1$s_rc";
        return jdbc.query("SELECT " + String.format(cols, "c") + ", " + String.format(cols, "a")
                        + " FROM payment_transaction c JOIN payment_transaction a"
                        + " ON a.sub_merchant_id = c.sub_merchant_id AND a.approval_no = c.original_approval_no"
                        + " WHERE c.transaction_type = 'CANCEL' AND c.original_approved_on = DATE(c.approved_at)"
                        + " AND ((c.diff_status = 'NONE' AND c.approved_at < ?)"
                        + " OR (c.diff_status = 'NOT_ELIGIBLE' AND c.approved_at < ? AND c.diff_result_code = 'N003')"
                        // a cancel refused for its unmasked card number (L201) was never sent either
                        + " OR (c.diff_status = 'REJECTED' AND c.approved_at < ? AND c.diff_result_code = 'L201'))",
                (rs, i) -> new CancelPair(pairRow(rs, "c"), pairRow(rs, "a")),
                before.atStartOfDay(), before.atStartOfDay(), before.atStartOfDay());
    }

    private static SameDayCancel.Row pairRow(ResultSet rs, String p) throws SQLException {
        return new SameDayCancel.Row(rs.getString(p + "_id"), rs.getString(p + "_sm"), rs.getString(p + "_type"),
                rs.getString(p + "_no"), rs.getObject(p + "_at", LocalDateTime.class), rs.getString(p + "_ono"),
                rs.getObject(p + "_oon", LocalDate.class), DiffStatus.valueOf(rs.getString(p + "_st")),
                rs.getString(p + "_rc"));
    }

    /**
     * Keyset page on the existing index (diff_status, approved_at) — InnoDB appends the primary key, so the order
     * (approved_at, transaction_id) is the index order: no sort, no extra index on the 1M-rows-a-day table.
     */
    @Override
    public List<TransactionCandidate> candidatesBetween(LocalDate before, CandidateCursor after, CandidateCursor upTo,
                                                        int limit) {
        return jdbc.query("SELECT " + TX_COLUMNS + ", " + SM_COLUMNS
                        + " FROM payment_transaction t JOIN sub_merchant s ON s.sub_merchant_id = t.sub_merchant_id"
                        + " WHERE t.diff_status = 'NONE' AND t.approved_at < ?"
                        + " AND (t.approved_at > ? OR (t.approved_at = ? AND t.transaction_id > ?))"
                        + " AND (t.approved_at < ? OR (t.approved_at = ? AND t.transaction_id <= ?))"
                        + " AND s.kis_reg_status = 'REGISTERED' ORDER BY t.approved_at, t.transaction_id LIMIT ?",
                (rs, i) -> new TransactionCandidate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDateTime.class), rs.getString(8),
                        rs.getObject(9, LocalDate.class), rs.getString(10), rs.getLong(11), rs.getBigDecimal(12),
                        rs.getLong(13), KisRegStatus.valueOf(rs.getString(14)), rs.getString(15),
                        rs.getObject(16, LocalDate.class),
                        rs.getObject(17, LocalDate.class), rs.getString(18), rs.getString(19)),
                before.atStartOfDay(), after.approvedAt(), after.approvedAt(), after.transactionId(),
                upTo.approvedAt(), upTo.approvedAt(), upTo.transactionId(), limit);
    }

    @Override
    public int markNotEligible(String code, Collection<String> transactionIds) {
        LocalDateTime now = db.now();
        List<String> ids = new ArrayList<>(transactionIds);
        int changed = 0;
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            changed += named.update("UPDATE payment_transaction SET diff_status = 'NOT_ELIGIBLE', diff_result_code = :code,"
                            + " diff_updated_at = :now WHERE diff_status = 'NONE' AND transaction_id IN (:ids)",
                    Map.of("code", code, "now", now, "ids", ids.subList(from, Math.min(ids.size(), from + IN_LIST))));
        }
        return changed;
    }

    @Override
    public int refuse(List<Refusal> refusals) {
        LocalDateTime now = db.now();
        int[][] counts = Batches.update(jdbc, "UPDATE payment_transaction SET diff_status = 'REJECTED',"
                        + " diff_result_code = ?, diff_updated_at = ? WHERE transaction_id = ? AND diff_status = 'NONE'",
                refusals, 1000, r -> new Object[] {r.rejection().code(), now, r.transactionId()});
        return Batches.sum(counts, refusals.size());
    }

    @Override
    public void insertRequests(String fileId, LocalDate businessDate, List<Transaction> records) {
        LocalDateTime now = db.now();
        Batches.update(jdbc, "INSERT INTO settlement_request (transaction_id, file_id, seq, business_date,"
                        + " expected_amount, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'COLLECTED', ?, ?)",
                records, 5000, r -> new Object[] {r.transactionId(), fileId, r.seq(), businessDate,
                        r.expectedDifference(), now, now});
    }

    @Override
    public int markInFile(String fileId) {
        return jdbc.update("UPDATE " + FILE_ROWS + " SET t.diff_status = 'COLLECTED',"
                + " t.diff_expected_amount = r.expected_amount, t.diff_updated_at = ?"
                + " WHERE r.file_id = ? AND t.diff_status = 'NONE'", db.now(), fileId);
    }

    @Override
    public void markSent(String fileId) {
        LocalDateTime now = db.now();
        // both tables in one statement: the request rows are locked for update at once, in (file_id, seq) order as
        // the results of the same file lock them; a read lock first and an update later deadlocked with those
        jdbc.update("UPDATE " + FILE_ROWS + " SET t.diff_status = 'SENT', t.diff_updated_at = ?,"
                + " r.status = 'SENT', r.updated_at = ? WHERE r.file_id = ? AND r.status = 'COLLECTED'"
                + " AND t.diff_status = 'COLLECTED'", now, now, fileId);
    }

    @Override
    public int applyResults(String fileId, List<SettlementResult> results) {
        return results.isEmpty() ? 0 : stagedResults.apply(fileId, results, db.now());
    }

    @Override
    public List<Transaction> openRecords(String fileId) {
        List<Transaction> records = new ArrayList<>();
        jdbc.query("SELECT " + TX_COLUMNS + ", s.kis_sub_merchant_no, s.business_no, r.expected_amount"
                + " FROM settlement_request r " + BY_FILE + " JOIN payment_transaction t ON t.transaction_id = r.transaction_id"
                + " JOIN sub_merchant s ON s.sub_merchant_id = t.sub_merchant_id"
                + " WHERE r.file_id = ? AND r.status IN ('COLLECTED', 'SENT') ORDER BY r.seq", rs -> {
                    records.add(new Transaction(records.size() + 1, rs.getString("transaction_id"),
                            rs.getString("sub_merchant_id"), rs.getString("kis_sub_merchant_no"),
                            rs.getString("business_no"), rs.getString("card_company"), rs.getString("card_type"),
                            rs.getString("transaction_type"), rs.getObject("approved_at", LocalDateTime.class),
                            rs.getString("approval_no"), rs.getObject("original_approved_on", LocalDate.class),
                            rs.getString("original_approval_no"), rs.getString("masked_card_no"), rs.getLong("amount"),
                            rs.getBigDecimal("applied_fee_rate"), rs.getLong("fee_amount"), rs.getLong("expected_amount")));
                }, fileId);
        return records;
    }

    @Override
    public void moveToFile(String oldFileId, String newFileId, List<Transaction> records) {
        LocalDateTime now = db.now();
        Batches.update(jdbc, "UPDATE settlement_request SET file_id = ?, seq = ?, status = 'COLLECTED', updated_at = ?"
                + " WHERE transaction_id = ? AND file_id = ?", records, 2000,
                r -> new Object[] {newFileId, r.seq(), now, r.transactionId(), oldFileId});
        jdbc.update("UPDATE " + FILE_ROWS + " SET t.diff_status = 'COLLECTED', t.diff_updated_at = ?"
                + " WHERE r.file_id = ? AND t.diff_status = 'SENT'", now, newFileId);
    }
}
