package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import kr.co.pg.settlement.collector.application.RegistrationStore;
import kr.co.pg.settlement.collector.domain.SubMerchantCandidate;
import kr.co.pg.settlement.events.InvalidEventException;
import kr.co.pg.settlement.events.RegistrationFileRequested.Registration;
import kr.co.pg.settlement.events.RegistrationResultsReceived.RegistrationResult;
import kr.co.pg.settlement.events.status.KisRegStatus;
import kr.co.pg.settlement.kis.protocol.FeeTier;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

@Component
record JdbcRegistrationStore(ClockedJdbc db) implements RegistrationStore {

    /** R2 result code of an accepted record. */
    private static final String ACCEPTED = "0000";
    private static final String SUB_MERCHANT_COLUMNS = "s.sub_merchant_id, s.business_no, s.business_name,"
            + " s.representative_name, s.opened_on, s.closed_on, s.industry_code, s.phone, s.postal_code, s.address,"
            + " s.kis_reg_status";
    private static final RowMapper<SubMerchantCandidate> CANDIDATE = (rs, i) -> new SubMerchantCandidate(
            rs.getString("sub_merchant_id"), rs.getString("business_no"), rs.getString("business_name"),
            rs.getString("representative_name"), rs.getObject("opened_on", LocalDate.class),
            rs.getObject("closed_on", LocalDate.class), rs.getString("industry_code"), rs.getString("phone"),
            rs.getString("postal_code"), rs.getString("address"), KisRegStatus.valueOf(rs.getString("kis_reg_status")));
    /** The request rows of one file joined to their sub-merchants. */
    private static final String FILE_ROWS = "registration_request r STRAIGHT_JOIN sub_merchant s"
            + " ON r.sub_merchant_id = s.sub_merchant_id";

    @Override
    public List<SubMerchantCandidate> candidatesAfter(String afterId, int limit) {
        return db.jdbc().query("SELECT " + SUB_MERCHANT_COLUMNS + " FROM sub_merchant s"
                + " WHERE s.kis_reg_status IN ('NONE', 'CHANGED', 'CLOSE_PENDING') AND s.sub_merchant_id > ?"
                + " ORDER BY s.sub_merchant_id LIMIT ?", CANDIDATE, afterId, limit);
    }

    @Override
    public int rejectLocally(List<Rejected> rejected) {
        LocalDateTime now = db.now();
        int[][] counts = Batches.update(db.jdbc(), "UPDATE sub_merchant SET kis_reg_status = 'REJECTED',"
                        + " kis_reg_result_code = ?, kis_reg_result_msg = ?, kis_reg_updated_at = ?"
                        + " WHERE sub_merchant_id = ? AND kis_reg_status = ?",
                rejected, 1000, r -> new Object[] {r.rejection().code(), Times.cut(r.rejection().message(), 100), now,
                        r.candidate().subMerchantId(), r.candidate().regStatus().name()});
        return Batches.sum(counts, rejected.size());
    }

    @Override
    public void insertRequests(String fileId, LocalDate businessDate, List<Registration> records) {
        LocalDateTime now = db.now();
        Batches.update(db.jdbc(), "INSERT INTO registration_request (file_id, seq, sub_merchant_id, request_type,"
                        + " business_date, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'REQUESTED', ?, ?)",
                records, 2000, r -> new Object[] {fileId, r.seq(), r.subMerchantId(), r.requestType(), businessDate,
                        now, now});
    }

    @Override
    public int markInFile(String fileId) {
        return db.jdbc().update("UPDATE " + FILE_ROWS + " SET s.kis_reg_status = 'REQUESTED', s.kis_reg_updated_at = ?"
                + " WHERE r.file_id = ? AND s.kis_reg_status = CASE r.request_type WHEN 'N' THEN 'NONE'"
                + " WHEN 'U' THEN 'CHANGED' WHEN 'C' THEN 'CLOSE_PENDING' END", db.now(), fileId);
    }

    @Override
    public void markSent(String fileId) {
        LocalDateTime now = db.now();
        db.jdbc().update("UPDATE " + FILE_ROWS + " SET s.kis_reg_status = 'SENT', s.kis_reg_updated_at = ?"
                + " WHERE r.file_id = ? AND r.status = 'REQUESTED' AND s.kis_reg_status = 'REQUESTED'", now, fileId);
        db.jdbc().update("UPDATE registration_request SET status = 'SENT', updated_at = ?"
                + " WHERE file_id = ? AND status = 'REQUESTED'", now, fileId);
    }

    @Override
    public int applyResults(String fileId, List<RegistrationResult> results) {
        for (RegistrationResult r : results) {
            if (r.feeTier() != null && !r.feeTier().isBlank()) {
                try {
                    FeeTier.valueOf(r.feeTier());
                } catch (IllegalArgumentException e) {
                    throw new InvalidEventException("R2 result for file " + fileId + " seq " + r.seq()
                            + ": field feeTier: unknown tier '" + r.feeTier() + "'");
                }
            }
        }
        LocalDateTime now = db.now();
        // an accepted record sets the tier fields as KIS sent them; a rejected one keeps those of an earlier registration
        int[][] counts = Batches.update(db.jdbc(), "UPDATE " + FILE_ROWS + " AND r.file_id = ? AND r.seq = ?"
                        + " SET s.kis_reg_status = ?, s.kis_reg_result_code = ?, s.kis_reg_result_msg = ?,"
                        + " s.fee_tier = IF(? = '0000', ?, s.fee_tier),"
                        + " s.tier_valid_from = IF(? = '0000', ?, s.tier_valid_from),"
                        + " s.tier_valid_to = IF(? = '0000', ?, s.tier_valid_to),"
                        + " s.kis_sub_merchant_no = COALESCE(?, s.kis_sub_merchant_no), s.kis_reg_updated_at = ?,"
                        + " r.status = ?, r.result_code = ?, r.updated_at = ?"
                        + " WHERE s.sub_merchant_id = ? AND s.kis_reg_status IN ('REQUESTED', 'SENT')"
                        + " AND r.status IN ('REQUESTED', 'SENT')",
                results, 1000, r -> {
                    String status = (ACCEPTED.equals(r.resultCode()) ? KisRegStatus.REGISTERED : KisRegStatus.REJECTED)
                            .name();
                    String code = r.resultCode();
                    return new Object[] {fileId, r.seq(), status, code, Times.cut(r.resultMessage(), 100),
                            code, blankToNull(r.feeTier()), code, r.tierValidFrom(), code, r.tierValidTo(),
                            blankToNull(r.kisSubMerchantNo()), now, status, code, now, r.subMerchantId()};
                });
        // a multi-table UPDATE counts the rows of both tables it changed
        return Batches.sum(counts, results.size()) / 2;
    }

    @Override
    public List<Registration> openRecords(String fileId) {
        List<Registration> records = new ArrayList<>();
        db.jdbc().query("SELECT r.request_type, " + SUB_MERCHANT_COLUMNS + " FROM " + FILE_ROWS
                + " WHERE r.file_id = ? AND r.status IN ('REQUESTED', 'SENT') ORDER BY r.seq", rs -> {
                    SubMerchantCandidate c = CANDIDATE.mapRow(rs, 0);
                    records.add(new Registration(records.size() + 1, rs.getString("request_type"), c.subMerchantId(),
                            c.businessNo(), c.businessName(), c.representativeName(), c.openedOn(), c.closedOn(),
                            c.industryCode(), c.phone(), c.postalCode(), c.address()));
                }, fileId);
        return records;
    }

    @Override
    public void moveToFile(String oldFileId, String newFileId, List<Registration> records) {
        LocalDateTime now = db.now();
        Batches.update(db.jdbc(), "UPDATE registration_request SET file_id = ?, seq = ?, status = 'REQUESTED', updated_at = ?"
                        + " WHERE file_id = ? AND sub_merchant_id = ? AND status IN ('REQUESTED', 'SENT')",
                records, 1000, r -> new Object[] {newFileId, r.seq(), now, oldFileId, r.subMerchantId()});
        db.jdbc().update("UPDATE " + FILE_ROWS + " SET s.kis_reg_status = 'REQUESTED', s.kis_reg_updated_at = ?"
                + " WHERE r.file_id = ? AND s.kis_reg_status = 'SENT'", now, newFileId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
