package kr.co.pg.settlement.collector.adapter.out.persistence;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.co.pg.settlement.collector.application.RecreatedFiles;
import kr.co.pg.settlement.events.RegistrationFileRequested;
import kr.co.pg.settlement.events.SettlementFileRequested;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** kis_file, kis_file_sequence and the request tables for files re-created from their events (after a restore). */
@Component
class JdbcRecreatedFiles implements RecreatedFiles {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;

    JdbcRecreatedFiles(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.clock = clock;
    }

    @Override
    public Set<String> known(Collection<String> fileIds) {
        if (fileIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(named.queryForList("SELECT file_id FROM kis_file WHERE file_id IN (:ids)",
                Map.of("ids", fileIds), String.class));
    }

    @Override
    public void insertFile(String fileType, String fileId, LocalDate fileDate, int fileSeq, LocalDate businessDate,
                           String kickoffId, int recordCount, LocalDateTime createdAt) {
        jdbc.update("INSERT INTO kis_file (file_id, file_type, file_date, file_seq, business_date, kickoff_id,"
                        + " record_count, created_at, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'CREATED', ?)",
                fileId, fileType, fileDate, fileSeq, businessDate, kickoffId, recordCount, createdAt, createdAt);
        // a sequence reserved later must not collide with the re-created file
        jdbc.update("INSERT INTO kis_file_sequence (file_type, file_date, last_seq) VALUES (?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE last_seq = GREATEST(last_seq, VALUES(last_seq))", fileType, fileDate, fileSeq);
    }

    @Override
    public Set<String> alreadyRequested(Collection<String> transactionIds) {
        if (transactionIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(named.queryForList("SELECT transaction_id FROM settlement_request"
                + " WHERE transaction_id IN (:ids)", Map.of("ids", transactionIds), String.class));
    }

    @Override
    public void moveToLaterFile(SettlementFileRequested file, List<SettlementFileRequested.Transaction> records) {
        LocalDateTime now = Times.now(clock);
        jdbc.batchUpdate("UPDATE settlement_request r JOIN kis_file f ON f.file_id = r.file_id"
                        + " SET r.file_id = ?, r.seq = ?, r.status = 'COLLECTED', r.updated_at = ?"
                        + " WHERE r.transaction_id = ? AND r.file_id <> ? AND f.created_at < ?",
                records, 5000, (ps, r) -> {
                    ps.setString(1, file.fileId());
                    ps.setInt(2, r.seq());
                    ps.setObject(3, now);
                    ps.setString(4, r.transactionId());
                    ps.setString(5, file.fileId());
                    ps.setObject(6, file.createdAt());
                });
    }

    @Override
    public List<RegistrationFileRequested.Registration> registrationsToRecreate(RegistrationFileRequested file) {
        List<Object[]> requests = file.records().stream()
                .map(r -> new Object[] {r.subMerchantId(), r.requestType()}).toList();
        if (requests.isEmpty()) {
            return List.of();
        }
        Map<String, Object> day = Map.of("date", file.businessDate(), "createdAt", file.createdAt(),
                "requests", requests);
        named.update("DELETE r FROM registration_request r JOIN kis_file f ON f.file_id = r.file_id"
                + " WHERE r.business_date = :date AND f.created_at < :createdAt AND r.status IN ('REQUESTED', 'SENT')"
                + " AND (r.sub_merchant_id, r.request_type) IN (:requests)", day);
        Set<String> heldLater = new HashSet<>(named.queryForList("SELECT CONCAT(r.sub_merchant_id, '|', r.request_type)"
                + " FROM registration_request r JOIN kis_file f ON f.file_id = r.file_id"
                + " WHERE r.business_date = :date AND f.created_at > :createdAt"
                + " AND (r.sub_merchant_id, r.request_type) IN (:requests)", day, String.class));
        return file.records().stream()
                .filter(r -> !heldLater.contains(r.subMerchantId() + "|" + r.requestType())).toList();
    }
}
