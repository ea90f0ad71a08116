package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import kr.co.pg.settlement.collector.application.RegistrationStore;
import kr.co.pg.settlement.collector.domain.SubMerchantCandidate;
import kr.co.pg.settlement.events.InvalidEventException;
import kr.co.pg.settlement.events.RegistrationFileRequested.Registration;
import kr.co.pg.settlement.events.RegistrationResultsReceived.RegistrationResult;
import kr.co.pg.settlement.kis.protocol.FeeTier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

@Repository
class JdbcRegistrationStore implements RegistrationStore {

    private static final String SUB_MERCHANT_COLUMNS = "s.sub_merchant_id, s.business_no, s.business_name,"
            + " s.representative_name, s.opened_on, s.closed_on, s.industry_code, s.phone, s.postal_code, s.address,"
            + " s.kis_reg_status";
    private static final RowMapper<SubMerchantCandidate> CANDIDATE = (rs, i) -> new SubMerchantCandidate(
            rs.getString("sub_merchant_id"), rs.getString("business_no"), rs.getString("business_name"),
            rs.getString("representative_name"), rs.getObject("opened_on", LocalDate.class),
            rs.getObject("closed_on", LocalDate.class), rs.getString("industry_code"), rs.getString("phone"),
            rs.getString("postal_code"), rs.getString("address"), rs.getString("kis_reg_status"));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcRegistrationStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<SubMerchantCandidate> candidatesAfter(String afterId, int limit) {
        return jdbc.query("SELECT " + SUB_MERCHANT_COLUMNS + " FROM sub_merchant s"
                + " WHERE s.kis_reg_status IN ('NONE', 'CHANGED', 'CLOSE_PENDING') AND s.sub_merchant_id > ?"
                + " ORDER BY s.sub_merchant_id LIMIT ?", CANDIDATE, afterId, limit);
    }

    @Override
    public int rejectLocally(List<Rejected> rejected) {
        LocalDateTime now = Times.now(clock);
        int[][] counts = jdbc.batchUpdate("UPDATE sub_merchant SET kis_reg_status = 'REJECTED', kis_reg_result_code = ?,"
                        + " kis_reg_result_msg = ?, kis_reg_updated_at = ? WHERE sub_merchant_id = ? AND kis_reg_status = ?",
                rejected, 1000, (ps, r) -> {
                    ps.setString(1, r.rejection().code());
                    ps.setString(2, Times.cut(r.rejection().message(), 100));
                    ps.setObject(3, now);
                    ps.setString(4, r.candidate().subMerchantId());
                    ps.setString(5, r.candidate().regStatus());
                });
        return Batches.sum(counts, rejected.size());
    }

    @Override
    public void insertRequests(String fileId, LocalDate businessDate, List<Registration> records) {
        LocalDateTime now = Times.now(clock);
        jdbc.batchUpdate("INSERT INTO registration_request (file_id, seq, sub_merchant_id, request_type, business_date,"
                        + " status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'REQUESTED', ?, ?)",
                records, 2000, (ps, r) -> {
                    ps.setString(1, fileId);
                    ps.setInt(2, r.seq());
                    ps.setString(3, r.subMerchantId());
                    ps.setString(4, r.requestType());
                    ps.setObject(5, businessDate);
                    ps.setObject(6, now);
                    ps.setObject(7, now);
                });
    }

    @Override
    public int markRequested(String fileId) {
        return jdbc.update("UPDATE registration_request r STRAIGHT_JOIN sub_merchant s ON r.sub_merchant_id = s.sub_merchant_id"
                + " SET s.kis_reg_status = 'REQUESTED', s.kis_reg_updated_at = ? WHERE r.file_id = ?"
                + " AND s.kis_reg_status = CASE r.request_type WHEN 'N' THEN 'NONE' WHEN 'U' THEN 'CHANGED'"
                + " WHEN 'C' THEN 'CLOSE_PENDING' END", Times.now(clock), fileId);
    }

    @Override
    public void markSent(String fileId) {
        LocalDateTime now = Times.now(clock);
        jdbc.update("UPDATE registration_request r STRAIGHT_JOIN sub_merchant s ON r.sub_merchant_id = s.sub_merchant_id"
                + " SET s.kis_reg_status = 'SENT', s.kis_reg_updated_at = ?"
                + " WHERE r.file_id = ? AND r.status = 'REQUESTED' AND s.kis_reg_status = 'REQUESTED'", now, fileId);
        jdbc.update("UPDATE registration_request SET status = 'SENT', updated_at = ? WHERE file_id = ? AND status = 'REQUESTED'",
                now, fileId);
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
        LocalDateTime now = Times.now(clock);
        int[][] counts = jdbc.batchUpdate("UPDATE registration_request r STRAIGHT_JOIN sub_merchant s"
                        + " ON r.sub_merchant_id = s.sub_merchant_id AND r.file_id = ? AND r.seq = ?"
                        + " SET s.kis_reg_status = ?, s.kis_reg_result_code = ?, s.kis_reg_result_msg = ?,"
                        + " s.fee_tier = IF(? = '0000', ?, s.fee_tier),"
                        + " s.tier_valid_from = IF(? = '0000', ?, s.tier_valid_from),"
                        + " s.tier_valid_to = IF(? = '0000', ?, s.tier_valid_to),"
                        + " s.kis_sub_merchant_no = COALESCE(?, s.kis_sub_merchant_no), s.kis_reg_updated_at = ?,"
                        + " r.status = ?, r.result_code = ?, r.updated_at = ?"
                        + " WHERE s.sub_merchant_id = ? AND s.kis_reg_status IN ('REQUESTED', 'SENT')"
                        + " AND r.status IN ('REQUESTED', 'SENT')",
                results, 1000, (ps, r) -> {
                    boolean ok = "0000".equals(r.resultCode());
                    String status = ok ? "REGISTERED" : "REJECTED";
                    int i = 0;
                    ps.setString(++i, fileId);
                    ps.setInt(++i, r.seq());
                    ps.setString(++i, status);
                    ps.setString(++i, r.resultCode());
                    ps.setString(++i, Times.cut(r.resultMessage(), 100));
                    ps.setString(++i, r.resultCode());
                    ps.setString(++i, blankToNull(r.feeTier()));
                    ps.setString(++i, r.resultCode());
                    ps.setObject(++i, r.tierValidFrom());
                    ps.setString(++i, r.resultCode());
                    ps.setObject(++i, r.tierValidTo());
                    ps.setString(++i, blankToNull(r.kisSubMerchantNo()));
                    ps.setObject(++i, now);
                    ps.setString(++i, status);
                    ps.setString(++i, r.resultCode());
                    ps.setObject(++i, now);
                    ps.setString(++i, r.subMerchantId());
                });
        return Batches.sum(counts, results.size()) / 2;
    }

    @Override
    public List<Registration> openRecords(String fileId) {
        List<Registration> records = new ArrayList<>();
        jdbc.query("SELECT r.request_type, " + SUB_MERCHANT_COLUMNS + " FROM registration_request r"
                + " JOIN sub_merchant s ON s.sub_merchant_id = r.sub_merchant_id"
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
        LocalDateTime now = Times.now(clock);
        jdbc.batchUpdate("UPDATE registration_request SET file_id = ?, seq = ?, status = 'REQUESTED', updated_at = ?"
                        + " WHERE file_id = ? AND sub_merchant_id = ? AND status IN ('REQUESTED', 'SENT')",
                records, 1000, (ps, r) -> {
                    ps.setString(1, newFileId);
                    ps.setInt(2, r.seq());
                    ps.setObject(3, now);
                    ps.setString(4, oldFileId);
                    ps.setString(5, r.subMerchantId());
                });
        jdbc.update("UPDATE registration_request r STRAIGHT_JOIN sub_merchant s ON r.sub_merchant_id = s.sub_merchant_id"
                + " SET s.kis_reg_status = 'REQUESTED', s.kis_reg_updated_at = ? WHERE r.file_id = ?"
                + " AND s.kis_reg_status = 'SENT'", now, newFileId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
